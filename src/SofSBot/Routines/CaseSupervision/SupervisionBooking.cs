namespace SofSBot.Routines.CaseSupervision;

/// <summary>
/// A member's slot at one meeting (numbered from 1), with their optional short question. One per
/// member and meeting; a cancelled booking is deleted, so it neither shows nor counts, and its slot
/// number is free for the next member (the others keep theirs).
/// </summary>
internal sealed record SupervisionBooking(
    string MeetingId,
    int Slot,
    string UserId,
    string UserName,
    string? Question,
    DateTimeOffset BookedAt);
