namespace SofSBot.Routines.CaseSupervision;

/// <summary>Where a case-supervision meeting is stored: its team and half-year, and its id.</summary>
internal sealed record SupervisionMeetingKey(string TeamId, HalfYear HalfYear, string MeetingId);
