using SofSBot.Localization;

namespace SofSBot.Routines.Highlights;

/// <summary>
/// A meeting whose highlights card was posted: its actions name it, and its shared view is drawn in
/// its language with its date whoever acts on it.
/// </summary>
internal sealed record HighlightMeeting(string MeetingId, DateOnly MeetingDate, TimeOnly MeetingTime, Language Language)
{
    public static HighlightMeeting From(RoutineMeeting meeting) =>
        new(meeting.MeetingId, meeting.MeetingDate, meeting.MeetingTime, meeting.Language);
}
