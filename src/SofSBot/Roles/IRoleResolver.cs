using SofSBot.BotFramework.Activities;

namespace SofSBot.Roles;

/// <summary>Finds a user's roles, in a team when the activity comes from one.</summary>
internal interface IRoleResolver
{
    Task<UserRoles> GetRolesAsync(ChannelAccount user, string? teamId, CancellationToken cancellationToken);
}
