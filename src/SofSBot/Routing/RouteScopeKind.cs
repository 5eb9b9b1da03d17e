namespace SofSBot.Routing;

/// <summary>The kinds of <see cref="RouteScope"/>.</summary>
internal enum RouteScopeKind
{
    Anywhere,
    TeamChannel,
    PersonalChat,
}
