using System.Text.Json.Nodes;

namespace SofSBot.TestSupport;

/// <summary>
/// A message the bot created or updated, as the Playground's web UI receives it on the websocket.
/// </summary>
/// <param name="Action"><c>createMessage</c> or <c>updateMessage</c>.</param>
/// <param name="ConversationId">Where it appears; for a new channel thread, the channel.</param>
/// <param name="MessageId">The id the bot got back from the connector.</param>
/// <param name="Text">The text, or null for a card-only message.</param>
/// <param name="Attachments">Attachments (<c>contentType</c>, <c>content</c>).</param>
/// <param name="PostConversationId">For a new channel thread, the thread's conversation id.</param>
/// <param name="Raw">The whole websocket frame.</param>
public sealed record PlaygroundOutput(
    string Action,
    string ConversationId,
    string MessageId,
    string? Text,
    JsonArray Attachments,
    string? PostConversationId,
    JsonObject Raw)
{
    /// <summary>The <c>createMessage</c> action.</summary>
    public const string CreateMessage = "createMessage";

    /// <summary>The <c>updateMessage</c> action.</summary>
    public const string UpdateMessage = "updateMessage";

    /// <summary>Whether this is a new message (not an update).</summary>
    public bool IsCreate => string.Equals(Action, CreateMessage, StringComparison.Ordinal);

    /// <summary>The content of the first Adaptive Card attachment, if any.</summary>
    public JsonObject? AdaptiveCard =>
        Attachments.OfType<JsonObject>()
            .FirstOrDefault(a => string.Equals(
                a["contentType"]?.GetValue<string>(), "application/vnd.microsoft.card.adaptive", StringComparison.Ordinal))?["content"] as JsonObject;

    /// <summary>Parses a websocket frame; null for frames that are not bot messages (e.g. typing).</summary>
    public static PlaygroundOutput? TryParse(JsonObject frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var action = frame["action"]?.GetValue<string>();
        if (action is not (CreateMessage or UpdateMessage) || frame["message"] is not JsonObject message)
        {
            return null;
        }

        return new PlaygroundOutput(
            action,
            frame["actionConversationId"]?.GetValue<string>() ?? string.Empty,
            message["messageId"]?.GetValue<string>() ?? string.Empty,
            message["text"]?.GetValue<string>(),
            message["attachments"] as JsonArray ?? [],
            message["postConversationId"]?.GetValue<string>(),
            frame);
    }

    /// <summary>Whether this message belongs to the conversation, or is a new thread in that channel.</summary>
    public bool IsIn(string conversationId) =>
        string.Equals(ConversationId, conversationId, StringComparison.Ordinal)
        || string.Equals(PostConversationId, conversationId, StringComparison.Ordinal);
}
