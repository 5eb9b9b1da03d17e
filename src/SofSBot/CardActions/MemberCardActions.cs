using SofSBot.Roles;

namespace SofSBot.CardActions;

/// <summary>A card's actions handled in one place, whatever the verb: the routine cards' buttons and refresh.</summary>
internal interface ICardVerbs
{
    Task<CardActionResult> HandleAsync(CardActionContext context, CancellationToken cancellationToken);
}

internal static class MemberCardActions
{
    /// <summary>
    /// Registers <typeparamref name="TActions"/> once and one handler per verb, open to every member
    /// (what each action may change is checked by <typeparamref name="TActions"/> against the acting user).
    /// </summary>
    public static IServiceCollection AddMemberCardActions<TActions>(this IServiceCollection services, params string[] verbs)
        where TActions : class, ICardVerbs
    {
        services.AddSingleton<TActions>();
        foreach (var verb in verbs)
        {
            services.AddSingleton<ICardActionHandler>(provider => new MemberCardAction(verb, provider.GetRequiredService<TActions>()));
        }

        return services;
    }

    private sealed class MemberCardAction(string verb, ICardVerbs actions) : ICardActionHandler
    {
        public string Verb { get; } = verb;

        public CommandAudience Audience => CommandAudience.Everyone;

        public Task<CardActionResult> HandleAsync(CardActionContext context, CancellationToken cancellationToken) =>
            actions.HandleAsync(context, cancellationToken);
    }
}
