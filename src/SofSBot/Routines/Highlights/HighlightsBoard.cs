using SofSBot.Scheduling;

namespace SofSBot.Routines.Highlights;

/// <summary>
/// One team's highlights of one ISO week as stored: the cards posted for the week, each member's
/// highlight (oldest first) and the storage version they are at.
/// </summary>
internal sealed record HighlightsBoard(
    string TeamId,
    IsoWeek Week,
    IReadOnlyList<HighlightsMeeting> Meetings,
    IReadOnlyList<Highlight> Highlights,
    long Version)
{
    public HighlightsMeeting? FindMeeting(string meetingId) => Meetings.FirstOrDefault(meeting => meeting.MeetingId == meetingId);

    public Highlight? FindHighlight(string userId) => Highlights.FirstOrDefault(highlight => highlight.UserId == userId);
}
