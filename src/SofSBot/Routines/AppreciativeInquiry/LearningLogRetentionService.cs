using Microsoft.Extensions.Options;

namespace SofSBot.Routines.AppreciativeInquiry;

/// <summary>
/// Deletes learning notes older than <see cref="AppreciativeInquiryOptions.LearningNoteRetentionDays"/>
/// and takes the interviewee's name off older meetings, at start and then every
/// <see cref="AppreciativeInquiryOptions.RetentionPassInterval"/>, and replaces the cards in the channels
/// that showed them. The meetings stay. Several instances may run passes at once: each change is a
/// versioned change of its board.
/// </summary>
internal sealed partial class LearningLogRetentionService(
    ILearningLog log,
    ErasedRoutineCards cards,
    TimeProvider time,
    IOptions<AppreciativeInquiryOptions> options,
    ILogger<LearningLogRetentionService> logger) : Hosting.PeriodicPass
{
    /// <summary>One pass; returns how many boards changed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var days = options.Value.LearningNoteRetentionDays;
        var changed = await log.ForgetBeforeAsync(time.GetUtcNow().AddDays(-days), cancellationToken);
        if (changed.Count > 0)
        {
            LogForgotten(changed.Count, days);
        }

        foreach (var meeting in changed)
        {
            await cards.InquiryAsync(meeting, cancellationToken);
        }

        return changed.Count;
    }

    protected override TimeProvider Time => time;

    protected override ILogger Logger => logger;

    protected override TimeSpan Interval => options.Value.RetentionPassInterval;

    protected override Task RunPassAsync(CancellationToken cancellationToken) => RunOnceAsync(cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted learning notes and interviewees older than {RetentionDays} days at {Count} meetings")]
    private partial void LogForgotten(int count, int retentionDays);
}
