namespace SofSBot.TestSupport;

/// <summary>
/// The Playground's answer to a posted message. A message to a channel starts a thread:
/// <see cref="PostConversationId"/> (<c>{channelId};messageid={MessageId}</c>) is the conversation
/// the bot sees and answers in.
/// </summary>
public sealed record PlaygroundMessageResult(string MessageId, string? PostConversationId, long Timestamp)
{
    /// <summary>The conversation id the bot receives for this message.</summary>
    public string ConversationIdFor(string postedToConversationId) => PostConversationId ?? postedToConversationId;
}
