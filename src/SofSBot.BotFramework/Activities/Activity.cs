using System.Text.Json;
using System.Text.Json.Serialization;

namespace SofSBot.BotFramework.Activities;

/// <summary>
/// A Bot Framework activity with the fields Teams sends. Unknown fields are kept in
/// <see cref="AdditionalProperties"/>, and <see cref="ChannelData"/> and <see cref="Value"/> stay raw
/// JSON, so an activity read and written again loses nothing.
/// </summary>
public sealed record Activity
{
    public string? Type { get; init; }

    public string? Id { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public DateTimeOffset? LocalTimestamp { get; init; }

    public string? LocalTimezone { get; init; }

    /// <summary>The user's locale as the client reports it, e.g. <c>sv-SE</c> or <c>en-US</c>.</summary>
    public string? Locale { get; init; }

    public string? ServiceUrl { get; init; }

    public string? ChannelId { get; init; }

    public ChannelAccount? From { get; init; }

    public ConversationAccount? Conversation { get; init; }

    public ChannelAccount? Recipient { get; init; }

    public string? TextFormat { get; init; }

    public string? Text { get; init; }

    public string? Summary { get; init; }

    public string? AttachmentLayout { get; init; }

    public IReadOnlyList<Attachment>? Attachments { get; init; }

    public IReadOnlyList<Entity>? Entities { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }

    public string? ReplyToId { get; init; }

    /// <summary>For invoke and event activities: the operation, e.g. <c>adaptiveCard/action</c>.</summary>
    public string? Name { get; init; }

    /// <summary>For installationUpdate: <c>add</c>, <c>remove</c>, <c>add-upgrade</c>, <c>remove-upgrade</c>.</summary>
    public string? Action { get; init; }

    /// <summary>Raw channel data; read Teams' fields with <see cref="TeamsChannelData"/>.</summary>
    public JsonElement? ChannelData { get; init; }

    /// <summary>Raw value: the card data of an Action.Submit, or the payload of an invoke.</summary>
    public JsonElement? Value { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; init; }

    /// <summary>Teams' channel data, or an empty one when absent or not an object.</summary>
    public TeamsChannelData GetTeamsChannelData() => TeamsChannelData.From(ChannelData);

    /// <summary>The mentions in this activity.</summary>
    /// <remarks>Derived from <see cref="Entities"/>: not a wire field, so never written as <c>"mentions"</c>.</remarks>
    [JsonIgnore]
    public IEnumerable<Entity> Mentions =>
        Entities?.Where(e => string.Equals(e.Type, Entity.MentionType, StringComparison.OrdinalIgnoreCase)) ?? [];

    /// <summary>
    /// The text with the mention markup of <paramref name="recipientId"/> removed and trimmed, so that
    /// "<c>&lt;at&gt;SofSBot&lt;/at&gt; hjälp</c>" reads as "<c>hjälp</c>".
    /// </summary>
    public string TextWithoutMentionOf(string? recipientId)
    {
        var text = Text ?? string.Empty;
        foreach (var mention in Mentions)
        {
            if (mention.Text is { Length: > 0 } markup
                && (recipientId is null || string.Equals(mention.Mentioned?.Id, recipientId, StringComparison.OrdinalIgnoreCase)))
            {
                text = text.Replace(markup, string.Empty, StringComparison.OrdinalIgnoreCase);
            }
        }

        return text.Replace("\u00a0", " ", StringComparison.Ordinal).Trim();
    }

    /// <summary>
    /// A message in reply to this activity: same conversation and service, with the sender and
    /// recipient swapped.
    /// </summary>
    public Activity CreateReply(string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        ServiceUrl = ServiceUrl,
        ChannelId = ChannelId,
        Conversation = Conversation,
        From = Recipient,
        Recipient = From,
        ReplyToId = Id,
        Locale = Locale,
        Text = text,
        TextFormat = text is null ? null : "plain",
    };
}
