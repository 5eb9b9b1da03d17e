using SofSBot.Localization;

namespace SofSBot.Routines.AppreciativeInquiry;

/// <summary>
/// Everything behind one appreciative-inquiry card: the meeting, the questions it was posted with,
/// who is interviewed, and every version of the team's note (the learning log entry of the meeting).
/// </summary>
/// <param name="ProposalRound">Counts changes of the interviewee, so a repeated "suggest another" switches once.</param>
/// <param name="Version">The storage version the board was read at (for the shared card's updates).</param>
internal sealed record InquiryBoard(
    string TeamId,
    string MeetingId,
    DateOnly MeetingDate,
    TimeOnly MeetingTime,
    Language Language,
    IReadOnlyList<string> QuestionIds,
    Interviewee? Interviewee,
    int ProposalRound,
    IReadOnlyList<LearningNote> Notes,
    long Version)
{
    /// <summary>The note as it stands: the latest version.</summary>
    public LearningNote? Note => Notes.Count == 0 ? null : Notes[^1];

    public IReadOnlyList<InquiryQuestion> Questions => [.. QuestionIds.Select(QuestionBank.Find).OfType<InquiryQuestion>()];
}
