using SofSBot.Roles;

namespace SofSBot.Routing;

/// <summary>One card verb: who may press it, where, and its handler (resolved from the services when pressed).</summary>
/// <param name="NeedsRoles">The handler reads the user's roles although everyone may press the button (e.g. help).</param>
internal sealed record CardRoute(
    string Verb,
    CommandAudience Audience,
    RouteScope Scope,
    bool NeedsRoles,
    Func<IServiceProvider, CardActionHandler> Handler)
{
    /// <summary>Roles are read (leaders table, Microsoft Graph) only for routes that need them.</summary>
    public bool ResolvesRoles => NeedsRoles || Audience != CommandAudience.Everyone;
}
