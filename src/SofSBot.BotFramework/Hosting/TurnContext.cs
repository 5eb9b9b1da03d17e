using SofSBot.BotFramework.Activities;
using SofSBot.BotFramework.Connector;

namespace SofSBot.BotFramework.Hosting;

/// <summary>One inbound activity and the means to answer it in its conversation.</summary>
public sealed class TurnContext(Activity activity, IConnectorClient connector)
{
    public Activity Activity { get; } = activity;

    public IConnectorClient Connector { get; } = connector;

    /// <summary>The service URL to answer on; the endpoint has checked it is present and absolute.</summary>
    public Uri ServiceUrl { get; } = new(activity.ServiceUrl!, UriKind.Absolute);

    /// <summary>The conversation the activity came from.</summary>
    public string ConversationId => Activity.Conversation?.Id ?? string.Empty;

    /// <summary>
    /// Answers in the conversation: in a channel as a reply in the activity's thread, elsewhere as the
    /// next message of the chat.
    /// </summary>
    public Task<ResourceResponse> ReplyAsync(Activity message, CancellationToken cancellationToken)
    {
        var reply = message with
        {
            Type = message.Type ?? ActivityTypes.Message,
            Conversation = message.Conversation ?? Activity.Conversation,
            From = message.From ?? Activity.Recipient,
            Recipient = message.Recipient ?? Activity.From,
            Locale = message.Locale ?? Activity.Locale,
            ReplyToId = Activity.Id,
        };

        return Activity.Id is { Length: > 0 } activityId
            ? Connector.ReplyToActivityAsync(ServiceUrl, ConversationId, activityId, reply, cancellationToken)
            : Connector.SendToConversationAsync(ServiceUrl, ConversationId, reply, cancellationToken);
    }

    /// <summary>Answers with a short markdown text (see <see cref="ReplyAsync"/>).</summary>
    public Task<ResourceResponse> ReplyTextAsync(string text, CancellationToken cancellationToken) =>
        ReplyAsync(new Activity { Text = text, TextFormat = "markdown" }, cancellationToken);

    /// <summary>Posts a new message (a new thread in a channel) into the activity's conversation.</summary>
    public Task<ResourceResponse> SendAsync(Activity message, CancellationToken cancellationToken)
    {
        var post = message with
        {
            Type = message.Type ?? ActivityTypes.Message,
            Conversation = message.Conversation ?? Activity.Conversation,
            From = message.From ?? Activity.Recipient,
            Locale = message.Locale ?? Activity.Locale,
        };
        return Connector.SendToConversationAsync(ServiceUrl, BaseConversationId(ConversationId), post, cancellationToken);
    }

    // A channel thread's id carries ";messageid=…"; a new post belongs to the channel itself.
    private static string BaseConversationId(string conversationId)
    {
        var index = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return index < 0 ? conversationId : conversationId[..index];
    }
}
