using System.Text.Json;
using System.Text.Json.Serialization;

namespace SofSBot.BotFramework.Activities;

/// <summary>
/// An entity attached to an activity. Teams sends <c>mention</c> entities (with
/// <see cref="Mentioned"/> and <see cref="Text"/>) and <c>clientInfo</c> (with locale and time zone).
/// </summary>
public sealed record Entity
{
    public const string MentionType = "mention";

    public string? Type { get; init; }

    /// <summary>For a mention: who was mentioned.</summary>
    public ChannelAccount? Mentioned { get; init; }

    /// <summary>For a mention: the markup in the message text, e.g. <c>&lt;at&gt;SofSBot&lt;/at&gt;</c>.</summary>
    public string? Text { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; init; }
}
