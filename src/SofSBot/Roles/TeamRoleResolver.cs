using Microsoft.Extensions.Options;
using SofSBot.BotFramework;
using SofSBot.BotFramework.Activities;
using SofSBot.TeamsEvents;

namespace SofSBot.Roles;

/// <summary>
/// A user's roles. Coordinators are named in configuration by Entra object id. A team leader of a
/// team is someone a coordinator has named (<see cref="INamedLeaderStore"/>) or an owner of the team
/// in Teams, read through Microsoft Graph with resource-specific consent. An anonymous bot (local
/// development, no app id) has no Graph: there only named leaders lead.
/// </summary>
internal sealed class TeamRoleResolver(
    IOptionsMonitor<RolesOptions> options,
    IOptions<BotOptions> bot,
    INamedLeaderStore namedLeaders,
    ITeamStore teams,
    TeamOwnerCache owners) : IRoleResolver
{
    public async Task<UserRoles> GetRolesAsync(ChannelAccount user, string? teamId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.AadObjectId is not { Length: > 0 } objectId)
        {
            return UserRoles.Member;
        }

        var isCoordinator = options.CurrentValue.Coordinators.Contains(objectId, StringComparer.OrdinalIgnoreCase);
        var isTeamLeader = teamId is { Length: > 0 } ? await IsTeamLeaderAsync(teamId, objectId, cancellationToken) : false;
        return new UserRoles(isTeamLeader == true, isCoordinator, LeadershipUnknown: isTeamLeader is null);
    }

    /// <returns>Null when the team's owners could not be read and the user is not a named leader.</returns>
    private async Task<bool?> IsTeamLeaderAsync(string teamId, string objectId, CancellationToken cancellationToken)
    {
        if (await namedLeaders.IsNamedLeaderAsync(teamId, objectId, cancellationToken))
        {
            return true;
        }

        if (bot.Value.IsAnonymous)
        {
            return false;
        }

        var team = await teams.GetTeamAsync(teamId, cancellationToken);
        return team?.AadGroupId is { Length: > 0 } aadGroupId
            ? await owners.IsOwnerAsync(aadGroupId, objectId, cancellationToken)
            : false;
    }
}
