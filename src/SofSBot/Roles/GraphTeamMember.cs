namespace SofSBot.Roles;

/// <summary>
/// One <c>aadUserConversationMember</c> of <c>GET /teams/{id}/members</c>: <see cref="Roles"/> holds
/// <c>owner</c> for the team's owners (and <c>guest</c> for guests), and is empty for members.
/// </summary>
internal sealed record GraphTeamMember(string? UserId, string? DisplayName, IReadOnlyList<string>? Roles);
