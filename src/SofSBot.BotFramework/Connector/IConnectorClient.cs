using SofSBot.BotFramework.Activities;

namespace SofSBot.BotFramework.Connector;

/// <summary>
/// The Bot Connector REST API as Teams serves it. Every call takes the service URL stored from the
/// activity that introduced the conversation. Posts into one conversation are never in flight at
/// once; transient failures (429, 412, 502, 504) are retried with backoff, honouring Retry-After —
/// for a POST, which creates something, only 429, 412 and connections that never opened.
/// </summary>
public interface IConnectorClient
{
    /// <summary><c>POST v3/conversations/{id}/activities</c>.</summary>
    Task<ResourceResponse> SendToConversationAsync(Uri serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken);

    /// <summary><c>POST v3/conversations/{id}/activities/{replyToId}</c>: in a channel, a reply in the thread.</summary>
    Task<ResourceResponse> ReplyToActivityAsync(Uri serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken cancellationToken);

    /// <summary><c>PUT v3/conversations/{id}/activities/{activityId}</c>: replaces a message, e.g. a card after a change.</summary>
    Task<ResourceResponse> UpdateActivityAsync(Uri serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken);

    /// <summary>Starts a new thread in a team channel with <paramref name="activity"/> as its first message.</summary>
    Task<ConversationResourceResponse> CreateChannelThreadAsync(Uri serviceUrl, string channelId, string? tenantId, Activity activity, CancellationToken cancellationToken);

    /// <summary>Creates (or finds) the 1:1 chat between the bot and a user; post into it afterwards.</summary>
    Task<ConversationResourceResponse> CreatePersonalConversationAsync(Uri serviceUrl, string userId, string tenantId, CancellationToken cancellationToken);

    /// <summary><c>GET v3/conversations/{id}/pagedmembers</c>: one page of a conversation's or team's roster.</summary>
    Task<PagedMembersResult> GetPagedMembersAsync(Uri serviceUrl, string conversationId, int? pageSize, string? continuationToken, CancellationToken cancellationToken);

    /// <summary><c>GET v3/teams/{teamId}</c>.</summary>
    Task<TeamDetails> GetTeamDetailsAsync(Uri serviceUrl, string teamId, CancellationToken cancellationToken);

    /// <summary><c>GET v3/teams/{teamId}/conversations</c>: the team's channels.</summary>
    Task<IReadOnlyList<ChannelInfo>> GetChannelsAsync(Uri serviceUrl, string teamId, CancellationToken cancellationToken);
}
