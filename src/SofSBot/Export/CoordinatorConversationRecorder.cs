using Microsoft.Extensions.Options;
using SofSBot.Bot;
using SofSBot.BotFramework.Activities;
using SofSBot.BotFramework.Hosting;
using SofSBot.Roles;

namespace SofSBot.Export;

/// <summary>
/// Remembers a coordinator's personal chat with SofSBot (and the language they write in) whenever
/// they use it, so the period-end reminder reaches them there. Nobody else's conversation is kept.
/// </summary>
internal sealed class CoordinatorConversationRecorder(
    ICoordinatorConversationStore conversations,
    IOptionsMonitor<RolesOptions> roles,
    TimeProvider time) : IActivityObserver
{
    public async Task ObserveAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (activity.Conversation is not { ConversationType: "personal", Id: { Length: > 0 } conversationId }
            || activity.From is not { Id: { Length: > 0 } userId, AadObjectId: { Length: > 0 } objectId }
            || !roles.CurrentValue.Coordinators.Contains(objectId, StringComparer.OrdinalIgnoreCase))
        {
            return;
        }

        var tenantId = activity.Conversation.TenantId ?? activity.GetTeamsChannelData().TenantId;
        if (string.IsNullOrEmpty(tenantId))
        {
            return;
        }

        var stored = await conversations.GetAsync(objectId, cancellationToken);
        var serviceUrl = turn.ServiceUrl.ToString();
        var locale = string.IsNullOrWhiteSpace(activity.Locale) ? null : activity.Locale;
        if (stored is not null && stored.ConversationId == conversationId && stored.UserId == userId
            && stored.ServiceUrl == serviceUrl && stored.TenantId == tenantId && (locale is null || stored.Locale == locale))
        {
            // Nothing new: no write for every message a coordinator sends.
            return;
        }

        await conversations.SaveAsync(
            new CoordinatorConversation(objectId, userId, conversationId, serviceUrl, tenantId, locale, time.GetUtcNow()), cancellationToken);
    }
}
