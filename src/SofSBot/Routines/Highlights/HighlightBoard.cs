using SofSBot.Scheduling;

namespace SofSBot.Routines.Highlights;

/// <summary>
/// One team's highlights of one ISO week as stored, the meetings whose cards show them, and the
/// storage version they are at (to know when a shared card is behind).
/// </summary>
internal sealed record HighlightBoard(IsoWeek Week, IReadOnlyList<Highlight> Highlights, IReadOnlyList<HighlightMeeting> Meetings, long Version)
{
    public Highlight? Of(string userId) => Highlights.FirstOrDefault(highlight => highlight.UserId == userId);

    public HighlightMeeting? Meeting(string meetingId) => Meetings.FirstOrDefault(meeting => meeting.MeetingId == meetingId);
}
