using System.Text.Json.Serialization;

namespace SofSBot.Roles;

/// <summary>One page of <c>GET /teams/{id}/members</c>; <see cref="NextLink"/> is absent on the last page.</summary>
internal sealed record GraphTeamMembersPage(
    IReadOnlyList<GraphTeamMember>? Value,
    [property: JsonPropertyName("@odata.nextLink")] Uri? NextLink);
