using SofSBot.Localization;

namespace SofSBot.Routines;

/// <summary>
/// The meeting one posted routine card belongs to. <see cref="MeetingId"/> is unique per team and
/// routine card: for a scheduled occurrence it comes from the schedule and the meeting date (so a
/// re-run produces the same id), for a trial post ("skicka nu") it is fresh each time.
/// </summary>
internal sealed record RoutineMeeting(
    string TeamId,
    string MeetingId,
    RoutineKind Routine,
    string ChannelId,
    DateOnly MeetingDate,
    TimeOnly MeetingTime,
    Language Language)
{
    public static string ScheduledMeetingId(string scheduleId, DateOnly meetingDate) =>
        $"{scheduleId}.{meetingDate:yyyyMMdd}";

    /// <summary>The schedule and meeting date of a scheduled meeting id; false for any other id (a trial post, a leader's round).</summary>
    public static bool TryParseScheduled(string meetingId, out string scheduleId, out DateOnly meetingDate)
    {
        var dot = meetingId.LastIndexOf('.');
        scheduleId = dot > 0 ? meetingId[..dot] : "";
        meetingDate = default;
        return dot > 0
            && DateOnly.TryParseExact(meetingId[(dot + 1)..], "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out meetingDate);
    }

    public static string TrialMeetingId(string scheduleId, DateOnly meetingDate) =>
        $"{scheduleId}.{meetingDate:yyyyMMdd}.t{Guid.NewGuid().ToString("N")[..8]}";
}
