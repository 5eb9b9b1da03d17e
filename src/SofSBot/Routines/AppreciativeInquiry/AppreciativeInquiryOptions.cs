using System.ComponentModel.DataAnnotations;

namespace SofSBot.Routines.AppreciativeInquiry;

/// <summary>How long the team's learning log keeps its notes and who was interviewed.</summary>
internal sealed class AppreciativeInquiryOptions
{
    public const string SectionName = "AppreciativeInquiry";

    /// <summary>
    /// A "det här tar vi med oss" note (text and author) is deleted this many days after it was saved,
    /// and the interviewee's name this many days after the meeting; the meeting itself stays.
    /// </summary>
    [Range(1, 3650)]
    public int LearningNoteRetentionDays { get; set; } = 365;

    /// <summary>How often expired notes are looked for.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan RetentionPassInterval { get; set; } = TimeSpan.FromHours(6);
}
