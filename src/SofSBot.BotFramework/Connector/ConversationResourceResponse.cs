namespace SofSBot.BotFramework.Connector;

/// <summary>
/// The connector's answer to creating a conversation. For a channel thread, <see cref="Id"/> is the
/// thread's conversation id and <see cref="ActivityId"/> the first message: keep both to update the card.
/// </summary>
public sealed record ConversationResourceResponse(string? Id, string? ActivityId, string? ServiceUrl);
