using SofSBot.Localization;

namespace SofSBot.Routines.Highlights;

/// <summary>A highlights card posted for a meeting: what its later renders need (the card keeps the schedule's language).</summary>
internal sealed record HighlightsMeeting(string MeetingId, string ChannelId, DateOnly MeetingDate, TimeOnly MeetingTime, Language Language);
