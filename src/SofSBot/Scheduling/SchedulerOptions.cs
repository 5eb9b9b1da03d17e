using System.ComponentModel.DataAnnotations;

namespace SofSBot.Scheduling;

/// <summary>How the scheduler finds due occurrences and how fast it may post them.</summary>
internal sealed class SchedulerOptions
{
    public const string SectionName = "Scheduler";

    public bool Enabled { get; set; } = true;

    /// <summary>How often the schedules are checked.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An occurrence missed (the bot was down) is still posted this long after its time; later it is skipped and logged.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan GraceWindow { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How far back missed occurrences are looked for, to log them once as skipped.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan MissedLookback { get; set; } = TimeSpan.FromDays(1);

    /// <summary>A claim whose instance died before posting may be taken over after this long.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The request budget for posts across all teams (Teams allows an app ~30–50 per second per tenant).</summary>
    [Range(1, 1000)]
    public int RequestsPerSecond { get; set; } = 30;

    /// <summary>Posts in flight at once (to different channels; one channel never gets two at once).</summary>
    [Range(1, 64)]
    public int MaxParallelPosts { get; set; } = 8;
}
