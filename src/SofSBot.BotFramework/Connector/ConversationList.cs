using SofSBot.BotFramework.Activities;

namespace SofSBot.BotFramework.Connector;

/// <summary>The body of <c>GET v3/teams/{teamId}/conversations</c>.</summary>
internal sealed record ConversationList(IReadOnlyList<ChannelInfo>? Conversations);
