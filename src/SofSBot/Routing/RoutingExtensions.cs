namespace SofSBot.Routing;

internal static class RoutingExtensions
{
    /// <summary>The route builder a feature's <c>MapX(routes)</c> declares its commands and card verbs on.</summary>
    public static BotRoutes Routes(this IServiceCollection services) => new(services);
}
