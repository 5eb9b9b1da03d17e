using System.Text.Json;
using System.Text.Json.Serialization;

namespace SofSBot.BotFramework.Activities;

/// <summary>An attachment, for SofSBot almost always an Adaptive Card.</summary>
public sealed record Attachment
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public string? ContentType { get; init; }

    /// <summary>
    /// The content: a card object when sending (serialized by its runtime type), a
    /// <see cref="JsonElement"/> when received.
    /// </summary>
    public object? Content { get; init; }

    public string? ContentUrl { get; init; }

    public string? Name { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; init; }

    /// <summary>An attachment carrying an Adaptive Card.</summary>
    public static Attachment AdaptiveCard(object card) =>
        new() { ContentType = AdaptiveCardContentType, Content = card };
}
