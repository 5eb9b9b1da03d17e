using Microsoft.Extensions.Options;

namespace SofSBot.Routines.Highlights;

/// <summary>
/// Deletes highlights older than <see cref="HighlightsOptions.RetentionDays"/>, at start and then every
/// <see cref="HighlightsOptions.RetentionPassInterval"/>. Several instances may run passes at once:
/// each deletion is a versioned change of its week, so they neither fail nor delete anything twice.
/// </summary>
internal sealed partial class HighlightsRetentionService(
    IHighlightsStore store,
    TimeProvider time,
    IOptions<HighlightsOptions> options,
    ILogger<HighlightsRetentionService> logger) : BackgroundService
{
    /// <summary>One pass; returns how many highlights were deleted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().AddDays(-options.Value.RetentionDays);
        var deleted = await store.DeleteAddedBeforeAsync(cutoff, cancellationToken);
        if (deleted > 0)
        {
            LogDeleted(deleted, options.Value.RetentionDays);
        }

        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RetentionPassInterval, time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Storage may be down for a while; the next pass tries again.
                LogPassFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} highlights older than {RetentionDays} days")]
    private partial void LogDeleted(int count, int retentionDays);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The highlights retention pass failed; the next pass tries again")]
    private partial void LogPassFailed(Exception exception);
}
