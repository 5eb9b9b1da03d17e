using SofSBot.Localization;

namespace SofSBot.Routines.CaseSupervision;

/// <summary>
/// A team meeting with case-supervision slots, as posted. <see cref="Slots"/> is fixed when the card
/// is posted, so a changed setting never reshuffles a card already in the channel.
/// </summary>
internal sealed record SupervisionMeeting(
    string MeetingId,
    DateOnly MeetingDate,
    TimeOnly MeetingTime,
    int Slots,
    Language Language,
    string ChannelId);
