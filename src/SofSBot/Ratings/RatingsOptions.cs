using System.ComponentModel.DataAnnotations;

namespace SofSBot.Ratings;

/// <summary>Rating rounds: anonymity, reminders, deadlines and the pass that closes rounds.</summary>
internal sealed class RatingsOptions
{
    public const string SectionName = "Ratings";

    /// <summary>A goal's figures are shown only when at least this many answered it.</summary>
    [Range(3, 25)]
    public int AnonymityThreshold { get; set; } = 3;

    /// <summary>Members who have not answered are reminded in personal chat this long before the deadline.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "14.00:00:00")]
    public TimeSpan ReminderBeforeDeadline { get; set; } = TimeSpan.FromDays(2);

    /// <summary>A scheduled round closes this long after its meeting day (a leader chooses the deadline of a round they open).</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "60.00:00:00")]
    public TimeSpan ScheduledRoundLength { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Whether this instance closes rounds at their deadline and sends reminders (tests run the passes themselves).</summary>
    public bool MonitorEnabled { get; set; } = true;

    /// <summary>How often open rounds are checked for deadlines and reminders.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan MonitorInterval { get; set; } = TimeSpan.FromMinutes(1);
}
