using System.Text.Json;
using System.Text.Json.Serialization;

namespace SofSBot.BotFramework.Connector;

/// <summary>A member of a team or chat as the roster API returns it.</summary>
public sealed record TeamsChannelAccount
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? AadObjectId { get; init; }

    public string? Email { get; init; }

    public string? UserPrincipalName { get; init; }

    public string? GivenName { get; init; }

    public string? Surname { get; init; }

    public string? TenantId { get; init; }

    /// <summary><c>user</c>, <c>guest</c> or <c>anonymous</c>; team ownership is not here (read it through Graph).</summary>
    public string? UserRole { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; init; }
}
