using SofSBot.Commands;

namespace SofSBot.Routing;

/// <summary>
/// Every feature's routes, as their <c>MapX(routes)</c> declared them: card verbs by verb and command
/// routes by command. Two routes for one verb stop the app at start.
/// </summary>
internal sealed class RouteTable
{
    private readonly Dictionary<string, (CardRoute Route, Lazy<CardActionHandler> Handler)> _cards;
    private readonly Dictionary<Type, CommandRoute> _commands;

    public RouteTable(IEnumerable<CardRoute> cards, IEnumerable<CommandRoute> commands, IServiceProvider services)
    {
        _cards = new(StringComparer.Ordinal);
        foreach (var route in cards)
        {
            if (!_cards.TryAdd(route.Verb, (route, new Lazy<CardActionHandler>(() => route.Handler(services)))))
            {
                throw new InvalidOperationException($"Two card routes share the verb '{route.Verb}'.");
            }
        }

        _commands = commands.ToDictionary(route => route.CommandType);
    }

    public IEnumerable<CardRoute> CardRoutes => _cards.Values.Select(entry => entry.Route);

    /// <summary>The route of a verb and its handler; null for a verb nobody maps.</summary>
    public (CardRoute Route, CardActionHandler Handler)? FindAction(string? verb) =>
        verb is not null && _cards.TryGetValue(verb, out var entry) ? (entry.Route, entry.Handler.Value) : null;

    /// <summary>The route of a command; a command registered without one may be used anywhere.</summary>
    public CommandRoute RouteOf(IBotCommand command) =>
        _commands.TryGetValue(command.GetType(), out var route) ? route : new CommandRoute(command.GetType(), RouteScope.Anywhere, NeedsRoles: false);
}
