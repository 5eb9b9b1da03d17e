using System.ComponentModel.DataAnnotations;

namespace SofSBot.Export;

/// <summary>The coordinators' message when a rating period has ended (section <c>PeriodEndReminder</c>).</summary>
internal sealed class PeriodEndReminderOptions
{
    public const string SectionName = "PeriodEndReminder";

    /// <summary>Whether this instance sends the messages (tests run the passes themselves).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The hour, Swedish time, from which the message goes out on the day after the period's last day.</summary>
    [Range(0, 23)]
    public int LocalHour { get; set; } = 8;

    /// <summary>Periods that ended more than this many days ago get no message (a new deployment stays quiet about old ones).</summary>
    [Range(1, 365)]
    public int MaxAgeDays { get; set; } = 14;

    /// <summary>How often ended periods are looked for.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PassInterval { get; set; } = TimeSpan.FromMinutes(15);
}
