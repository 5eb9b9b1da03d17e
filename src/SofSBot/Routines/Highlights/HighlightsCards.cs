using SofSBot.BotFramework.Cards;
using SofSBot.Scheduling;

namespace SofSBot.Routines.Highlights;

/// <summary>
/// The highlights card posted for a meeting: the week's highlights so far (a trial post and the
/// scheduled post of one week show the same ones). The meeting is stored first, so its actions find it.
/// </summary>
internal sealed class HighlightsCards(IHighlightsStore store) : IRoutineCards
{
    public RoutineKind Routine => RoutineKind.Highlights;

    public async Task<AdaptiveCard> CreateAsync(RoutineMeeting meeting, CancellationToken cancellationToken)
    {
        await store.AddMeetingAsync(meeting, cancellationToken);
        var board = await store.ReadAsync(meeting.TeamId, IsoWeek.Of(meeting.MeetingDate), cancellationToken);
        var stored = board.FindMeeting(meeting.MeetingId)
            ?? new HighlightsMeeting(meeting.MeetingId, meeting.ChannelId, meeting.MeetingDate, meeting.MeetingTime, meeting.Language);
        return HighlightsCard.Shared(board, stored);
    }
}
