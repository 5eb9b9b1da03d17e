using Microsoft.Extensions.DependencyInjection.Extensions;
using SofSBot.CardActions;
using SofSBot.Commands;
using SofSBot.Roles;

namespace SofSBot.Routing;

/// <summary>
/// Declares a feature's routes, in its <c>MapX(routes)</c>: its text commands and its card verbs, each
/// with who may use it (<see cref="CommandAudience"/>) and where (<see cref="RouteScope"/>). The route
/// table checks both once, before the handler; a verb's data can bind to a typed record
/// (<see cref="ICardData{TSelf}"/>). Every verb's handler has one shape: <see cref="CardActionHandler"/>.
/// </summary>
internal sealed class BotRoutes(IServiceCollection services)
{
    /// <summary>A text command (its words and audience are its <see cref="CommandInfo"/>).</summary>
    /// <param name="needsRoles">The command reads the caller's roles although everyone may call it.</param>
    public BotRoutes OnCommand<TCommand>(RouteScope? scope = null, bool needsRoles = false)
        where TCommand : class, IBotCommand
    {
        services.AddSingleton<IBotCommand, TCommand>();
        services.AddSingleton(new CommandRoute(typeof(TCommand), scope ?? RouteScope.Anywhere, needsRoles));
        return this;
    }

    /// <summary>A card verb handled by a method of <typeparamref name="THandler"/> (registered once, as a singleton).</summary>
    public BotRoutes OnAction<THandler>(
        string verb, CommandAudience audience, RouteScope scope, Func<THandler, CardActionHandler> handler, bool needsRoles = false)
        where THandler : class
    {
        services.TryAddSingleton<THandler>();
        services.AddSingleton(new CardRoute(verb, audience, scope, needsRoles, provider => handler(provider.GetRequiredService<THandler>())));
        return this;
    }

    /// <summary>
    /// A card verb whose data binds to <typeparamref name="TData"/>: invalid data is refused with the
    /// record's own localized message and the handler never runs.
    /// </summary>
    public BotRoutes OnAction<THandler, TData>(
        string verb,
        CommandAudience audience,
        RouteScope scope,
        Func<THandler, Func<CardActionContext, TData, CancellationToken, Task<CardActionResult>>> handler)
        where THandler : class
        where TData : class, ICardData<TData> =>
        OnAction<THandler>(verb, audience, scope, actions => Bind(handler(actions)));

    /// <summary>The handler of a typed verb, as the one shape: binds, refuses bad data, then calls.</summary>
    public static CardActionHandler Bind<TData>(Func<CardActionContext, TData, CancellationToken, Task<CardActionResult>> handler)
        where TData : class, ICardData<TData> =>
        (context, cancellationToken) => TData.Bind(context.Action) is { } data
            ? handler(context, data, cancellationToken)
            : Task.FromResult(CardActionResult.Refuse(CardActionErrors.InvalidInput, TData.InvalidMessage(context.Language)));
}
