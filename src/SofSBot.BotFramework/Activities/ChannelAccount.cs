using System.Text.Json;
using System.Text.Json.Serialization;

namespace SofSBot.BotFramework.Activities;

/// <summary>A user or bot in a conversation. Teams user ids look like <c>29:…</c>, bot ids <c>28:…</c>.</summary>
public sealed record ChannelAccount
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    /// <summary>The user's Entra ID object id: stable across conversations, unlike <see cref="Id"/> in some clients.</summary>
    public string? AadObjectId { get; init; }

    public string? Role { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; init; }
}
