namespace SofSBot.Roles;

/// <summary>What a user may do: everyone is a member; some also lead a team or coordinate.</summary>
internal sealed record UserRoles(bool IsTeamLeader, bool IsCoordinator)
{
    public static UserRoles Member { get; } = new(false, false);

    public bool Allows(CommandAudience audience) => audience switch
    {
        CommandAudience.Everyone => true,
        CommandAudience.TeamLeaders => IsTeamLeader || IsCoordinator,
        CommandAudience.Coordinators => IsCoordinator,
        _ => false,
    };
}
