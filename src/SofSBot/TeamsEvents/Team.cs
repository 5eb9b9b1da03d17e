namespace SofSBot.TeamsEvents;

/// <summary>
/// A team SofSBot knows. <see cref="ServiceUrl"/> is where to reach it proactively; the General
/// channel's id equals <see cref="TeamId"/>.
/// </summary>
internal sealed record Team(
    string TeamId,
    string? Name,
    string? TenantId,
    string ServiceUrl,
    string? AadGroupId,
    TeamState State,
    bool IsArchived,
    DateTimeOffset InstalledAt,
    DateTimeOffset UpdatedAt);
