using Microsoft.Extensions.Options;
using SofSBot.BotFramework.Activities;

namespace SofSBot.Roles;

/// <summary>
/// Roles from configuration: coordinators are named by their Entra object id. Team leadership
/// (the team's owners, read through Microsoft Graph) comes with scheduling, the first feature that
/// needs it; until then nobody is a team leader.
/// </summary>
internal sealed class ConfiguredRoleResolver(IOptionsMonitor<RolesOptions> options) : IRoleResolver
{
    public Task<UserRoles> GetRolesAsync(ChannelAccount user, string? teamId, CancellationToken cancellationToken)
    {
        var isCoordinator = user.AadObjectId is { Length: > 0 } objectId
            && options.CurrentValue.Coordinators.Contains(objectId, StringComparer.OrdinalIgnoreCase);
        return Task.FromResult(new UserRoles(IsTeamLeader: false, IsCoordinator: isCoordinator));
    }
}
