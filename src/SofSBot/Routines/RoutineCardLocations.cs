using SofSBot.Scheduling;

namespace SofSBot.Routines;

/// <summary>
/// The card a change to a meeting replaces: the one stored when it was posted (<see cref="IRoutineCardStore"/>),
/// or, for a scheduled meeting posted before the bot stored that, the place the occurrence ledger
/// recorded for the post. Never the card an invoke names in <c>replyToId</c>: that id is the client's
/// word, and another card's id would have the wrong routine written over it. A meeting with neither
/// (a trial post made before this version) has no card to replace: the change is stored and the
/// acting member sees it in their own view; the channel's card shows it from the next post on.
/// </summary>
internal sealed class RoutineCardLocations(IRoutineCardStore store, IOccurrenceLedger ledger)
{
    public async Task<PostedCard?> FindAsync(string teamId, string meetingId, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(teamId, meetingId, cancellationToken) is { } stored)
        {
            return stored;
        }

        if (!RoutineMeeting.TryParseScheduled(meetingId, out var scheduleId, out var meetingDate))
        {
            return null;
        }

        var posted = await ledger.GetAsync(scheduleId, SchedulerService.LedgerKey(meetingDate), cancellationToken);
        return posted is { State: OccurrenceState.Posted, ConversationId: { Length: > 0 } conversationId, ActivityId: { Length: > 0 } activityId }
            && posted.TeamId == teamId
            ? new PostedCard(conversationId, activityId)
            : null;
    }
}
