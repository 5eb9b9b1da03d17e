using System.Text.Json;
using System.Text.Json.Serialization;

namespace SofSBot.BotFramework.Activities;

/// <summary>The conversation an activity belongs to: <c>personal</c>, <c>groupChat</c> or <c>channel</c>.</summary>
public sealed record ConversationAccount
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? ConversationType { get; init; }

    public string? TenantId { get; init; }

    public bool? IsGroup { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; init; }
}
