using System.Text.Json.Serialization;

namespace SofSBot.BotFramework.Cards;

/// <summary>
/// An Adaptive Card, version 1.5 by default: the highest version Teams renders. Serialize it with
/// <see cref="BotJson.Options"/>.
/// </summary>
public sealed record AdaptiveCard
{
    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";

    [JsonPropertyName("$schema")]
    [JsonPropertyOrder(-3)]
    public string Schema { get; } = SchemaUrl;

    [JsonPropertyOrder(-2)]
    public string Type { get; } = "AdaptiveCard";

    [JsonPropertyOrder(-1)]
    public string Version { get; init; } = "1.5";

    public IReadOnlyList<CardElement> Body { get; init; } = [];

    public IReadOnlyList<CardAction>? Actions { get; init; }

    /// <summary>Makes Teams fetch a per-user view through Action.Execute when the listed users open it.</summary>
    public CardRefresh? Refresh { get; init; }

    /// <summary>The card's language, e.g. <c>sv</c>: date and number functions format by it.</summary>
    public string? Lang { get; init; }

    /// <summary>Shown by clients that cannot render the card (and in notifications).</summary>
    public string? FallbackText { get; init; }

    [JsonPropertyName("msteams")]
    public TeamsCardProperties? TeamsProperties { get; init; } = TeamsCardProperties.FullWidth;
}
