namespace SofSBot.Roles;

/// <summary>A person a coordinator has named leader of a team, besides the team's owners in Teams.</summary>
/// <param name="AadObjectId">The person's Entra object id, lower case.</param>
/// <param name="Name">Their display name when it was known, for lists.</param>
/// <param name="NamedBy">The Entra object id of the coordinator who named them.</param>
internal sealed record NamedLeader(string TeamId, string AadObjectId, string? Name, string? NamedBy, DateTimeOffset NamedAt);
