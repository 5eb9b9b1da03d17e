namespace SofSBot.Routines.CaseSupervision;

/// <summary>
/// A member's slot at one meeting, with their optional short question. One per member and meeting;
/// a cancelled booking is deleted, so it neither shows nor counts.
/// </summary>
internal sealed record SupervisionBooking(
    string MeetingId,
    string UserId,
    string UserName,
    string? Question,
    DateTimeOffset BookedAt);
