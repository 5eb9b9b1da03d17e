using Microsoft.Extensions.Options;

namespace SofSBot.Routines.Highlights;

/// <summary>
/// Deletes highlights older than <see cref="HighlightsOptions.RetentionDays"/>, at start and then every
/// <see cref="HighlightsOptions.RetentionPassInterval"/>, and replaces the cards in the channels that
/// showed them (the week's highlights cards and the appreciative-inquiry cards quoting them), logging a
/// card it cannot reach. Several instances may run passes at once: each deletion is a versioned change
/// of its week, so they neither fail nor delete anything twice.
/// </summary>
internal sealed partial class HighlightsRetentionService(
    IHighlightsStore store,
    ErasedRoutineCards cards,
    TimeProvider time,
    IOptions<HighlightsOptions> options,
    ILogger<HighlightsRetentionService> logger) : Hosting.PeriodicPass
{
    /// <summary>One pass; returns how many highlights were deleted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().AddDays(-options.Value.RetentionDays);
        var weeks = await store.DeleteAddedBeforeAsync(cutoff, cancellationToken);
        var deleted = weeks.Sum(week => week.Count);
        if (deleted > 0)
        {
            LogDeleted(deleted, options.Value.RetentionDays);
        }

        foreach (var week in weeks)
        {
            // The rows are gone whatever happens to the cards; one week's card failing must not keep the others.
            try
            {
                await cards.HighlightsAsync(week.TeamId, week.Week, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogCardsNotReplaced(exception, week.TeamId, week.Week.Year, week.Week.Week);
            }
        }

        return deleted;
    }

    protected override TimeProvider Time => time;

    protected override ILogger Logger => logger;

    protected override TimeSpan Interval => options.Value.RetentionPassInterval;

    protected override Task RunPassAsync(CancellationToken cancellationToken) => RunOnceAsync(cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} highlights older than {RetentionDays} days")]
    private partial void LogDeleted(int count, int retentionDays);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not replace the cards of team {TeamId}, week {Year}-W{Week}, after deleting its old highlights")]
    private partial void LogCardsNotReplaced(Exception exception, string teamId, int year, int week);

}
