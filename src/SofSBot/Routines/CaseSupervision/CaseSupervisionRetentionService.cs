using Microsoft.Extensions.Options;

namespace SofSBot.Routines.CaseSupervision;

/// <summary>
/// Deletes the questions of bookings older than <see cref="CaseSupervisionOptions.QuestionRetentionDays"/>,
/// at start and then every <see cref="CaseSupervisionOptions.RetentionPassInterval"/>, and replaces the
/// cards in the channels that showed them. The bookings stay, so the members' counts for the half-year
/// do not change. Several instances may run passes at once: each change is a versioned change of its half-year.
/// </summary>
internal sealed partial class CaseSupervisionRetentionService(
    ICaseSupervisionStore store,
    ErasedRoutineCards cards,
    TimeProvider time,
    IOptions<CaseSupervisionOptions> options,
    ILogger<CaseSupervisionRetentionService> logger) : Hosting.PeriodicPass
{
    /// <summary>One pass; returns how many meetings' bookings lost a question.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var days = options.Value.QuestionRetentionDays;
        var changed = await store.RemoveQuestionsBookedBeforeAsync(time.GetUtcNow().AddDays(-days), cancellationToken);
        if (changed.Count > 0)
        {
            LogRemoved(changed.Count, days);
        }

        foreach (var meeting in changed)
        {
            await cards.CaseSupervisionAsync(meeting, cancellationToken);
        }

        return changed.Count;
    }

    protected override TimeProvider Time => time;

    protected override ILogger Logger => logger;

    protected override TimeSpan Interval => options.Value.RetentionPassInterval;

    protected override Task RunPassAsync(CancellationToken cancellationToken) => RunOnceAsync(cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted the case-supervision questions older than {RetentionDays} days at {Count} meetings")]
    private partial void LogRemoved(int count, int retentionDays);
}
