namespace SofSBot.Roles;

/// <summary>What a user may do: everyone is a member; some also lead a team or coordinate.</summary>
/// <param name="LeadershipUnknown">
/// The team's owners could not be read (Microsoft Graph failed), so the user may lead the team
/// without us knowing: a refusal then says to try again rather than "only team leaders".
/// </param>
internal sealed record UserRoles(bool IsTeamLeader, bool IsCoordinator, bool LeadershipUnknown = false)
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
