using SofSBot.Roles;

namespace SofSBot.Routing;

/// <summary>
/// One text command's route: where it may be used and whether it reads roles beyond its audience
/// (the audience itself is the command's <see cref="Commands.CommandInfo.Audience"/>, shown by help).
/// </summary>
internal sealed record CommandRoute(Type CommandType, RouteScope Scope, bool NeedsRoles)
{
    public bool ResolvesRoles(CommandAudience audience) => NeedsRoles || audience != CommandAudience.Everyone;
}
