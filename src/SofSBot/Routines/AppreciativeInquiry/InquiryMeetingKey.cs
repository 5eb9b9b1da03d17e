namespace SofSBot.Routines.AppreciativeInquiry;

/// <summary>Which appreciative-inquiry board: its team and meeting.</summary>
internal sealed record InquiryMeetingKey(string TeamId, string MeetingId);
