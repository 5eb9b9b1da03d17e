using SofSBot.BotFramework.Activities;
using SofSBot.BotFramework.Connector;
using SofSBot.Routines;
using SofSBot.TeamsEvents;

namespace SofSBot.Scheduling;

/// <summary>Posts the card of one occurrence as a new thread in the schedule's channel.</summary>
internal sealed class RoutinePoster(IConnectorClient connector, PostBudget budget, RoutineCardFactory cards)
{
    /// <summary>
    /// Waits for budget (cancellable), makes the routine's card, then posts. The post itself is not
    /// cancelled once sent: a request cut off mid-flight would leave us not knowing whether the card
    /// is in the channel.
    /// </summary>
    /// <param name="beforeSend">Asked once the card is ready to go; false cancels the post (returns null).</param>
    public async Task<ConversationResourceResponse?> PostAsync(
        Team team, Schedule schedule, RoutineMeeting meeting, CancellationToken waitToken, Func<Task<bool>>? beforeSend = null)
    {
        using var lease = await budget.AcquireAsync(waitToken);
        waitToken.ThrowIfCancellationRequested();

        // Made before the occurrence is marked as posting: a failure here leaves it to be tried again.
        var card = await cards.CreateAsync(meeting, waitToken);
        if (beforeSend is not null && !await beforeSend())
        {
            return null;
        }

        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Attachments = [Attachment.AdaptiveCard(card)],
            Summary = card.FallbackText,
        };
        var posted = await connector.CreateChannelThreadAsync(new Uri(team.ServiceUrl), schedule.ChannelId, team.TenantId, activity, CancellationToken.None);
        await cards.PostedAsync(meeting, posted.Id, posted.ActivityId, CancellationToken.None);
        return posted;
    }
}
