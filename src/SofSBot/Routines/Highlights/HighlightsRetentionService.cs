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
    ILogger<HighlightsRetentionService> logger) : Hosting.PeriodicPass
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

    protected override TimeProvider Time => time;

    protected override ILogger Logger => logger;

    protected override TimeSpan Interval => options.Value.RetentionPassInterval;

    protected override Task RunPassAsync(CancellationToken cancellationToken) => RunOnceAsync(cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} highlights older than {RetentionDays} days")]
    private partial void LogDeleted(int count, int retentionDays);

}
