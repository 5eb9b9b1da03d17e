using System.ComponentModel.DataAnnotations;

namespace SofSBot.Routines.Highlights;

/// <summary>How long highlights are kept.</summary>
internal sealed class HighlightsOptions
{
    public const string SectionName = "Highlights";

    /// <summary>A highlight's text (and name) is deleted this many days after it was added.</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 90;

    /// <summary>How often expired highlights are looked for.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan RetentionPassInterval { get; set; } = TimeSpan.FromHours(6);
}
