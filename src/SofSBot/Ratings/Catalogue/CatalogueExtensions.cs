using SofSBot.CardActions;
using SofSBot.Commands;
using SofSBot.Roles;

namespace SofSBot.Ratings.Catalogue;

internal static class CatalogueExtensions
{
    /// <summary>
    /// Editing what rounds ask: the coordinator's goal catalogue and periods (<c>mål</c>, <c>perioder</c>)
    /// and the team's own goals (<c>teamets mål</c>), their commands and card buttons.
    /// </summary>
    public static IServiceCollection AddRatingCatalogueEditing(this IServiceCollection services)
    {
        services.AddSingleton<GoalCatalogueActions>();
        services.AddSingleton<PeriodActions>();
        services.AddSingleton<TeamGoalActions>();
        services.AddSingleton<IBotCommand, GoalsCommand>();
        services.AddSingleton<IBotCommand, PeriodsCommand>();
        services.AddSingleton<IBotCommand, TeamGoalsCommand>();

        Add<GoalCatalogueActions>(services, GoalCatalogueCards.ListVerb, CommandAudience.Coordinators, actions => actions.ListAsync);
        Add<GoalCatalogueActions>(services, GoalCatalogueCards.EditVerb, CommandAudience.Coordinators, actions => actions.EditAsync);
        Add<GoalCatalogueActions>(services, GoalCatalogueCards.NewVerb, CommandAudience.Coordinators, actions => actions.NewAsync);
        Add<GoalCatalogueActions>(services, GoalCatalogueCards.SaveVerb, CommandAudience.Coordinators, actions => actions.SaveAsync);
        Add<GoalCatalogueActions>(services, GoalCatalogueCards.RetireVerb, CommandAudience.Coordinators, actions => actions.AskRetireAsync);
        Add<GoalCatalogueActions>(services, GoalCatalogueCards.ConfirmRetireVerb, CommandAudience.Coordinators, actions => actions.RetireAsync);
        Add<PeriodActions>(services, PeriodCards.ListVerb, CommandAudience.Coordinators, actions => actions.ListAsync);
        Add<PeriodActions>(services, PeriodCards.EditVerb, CommandAudience.Coordinators, actions => actions.EditAsync);
        Add<PeriodActions>(services, PeriodCards.NewVerb, CommandAudience.Coordinators, actions => actions.NewAsync);
        Add<PeriodActions>(services, PeriodCards.SaveVerb, CommandAudience.Coordinators, actions => actions.SaveAsync);
        Add<TeamGoalActions>(services, TeamGoalCards.AddVerb, CommandAudience.TeamLeaders, actions => actions.AddAsync);
        Add<TeamGoalActions>(services, TeamGoalCards.RetireVerb, CommandAudience.TeamLeaders, actions => actions.RetireAsync);
        return services;
    }

    private static void Add<TActions>(
        IServiceCollection services,
        string verb,
        CommandAudience audience,
        Func<TActions, Func<CardActionContext, CancellationToken, Task<CardActionResult>>> handler)
        where TActions : notnull =>
        services.AddSingleton<ICardActionHandler>(provider => new RatingCardAction(verb, audience, handler(provider.GetRequiredService<TActions>())));
}
