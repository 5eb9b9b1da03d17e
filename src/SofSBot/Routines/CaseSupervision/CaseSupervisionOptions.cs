using System.ComponentModel.DataAnnotations;

namespace SofSBot.Routines.CaseSupervision;

/// <summary>How many cases a team meeting takes, and how often each member is hoped to bring one.</summary>
internal sealed class CaseSupervisionOptions
{
    public const string SectionName = "CaseSupervision";

    /// <summary>Slots per meeting; fixed on each card when it is posted.</summary>
    [Range(1, 6)]
    public int Slots { get; set; } = 2;

    /// <summary>The team's target per member and year, split over the half-years (see <see cref="HalfYear.TargetOf"/>).</summary>
    [Range(1, 24)]
    public int PresentationsPerYear { get; set; } = 2;

    /// <summary>How long a team's roster, read from Teams, is used before it is read again.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan RosterCacheDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A booking's question is deleted this many days after the booking; the booking itself stays (it is the member's count).</summary>
    [Range(1, 3650)]
    public int QuestionRetentionDays { get; set; } = 90;

    /// <summary>How often expired questions are looked for.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan RetentionPassInterval { get; set; } = TimeSpan.FromHours(6);
}
