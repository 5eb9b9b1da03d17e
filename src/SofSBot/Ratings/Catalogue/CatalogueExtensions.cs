using SofSBot.Roles;
using SofSBot.Routing;

namespace SofSBot.Ratings.Catalogue;

internal static class CatalogueExtensions
{
    /// <summary>
    /// Editing what rounds ask: the coordinator's goal catalogue and periods (<c>mål</c>, <c>perioder</c>)
    /// and the team's own goals (<c>teamets mål</c>), their commands and card buttons.
    /// </summary>
    public static IServiceCollection AddRatingCatalogueEditing(this IServiceCollection services)
    {
        services.Routes().MapRatingCatalogue();
        return services;
    }

    /// <summary>
    /// The catalogue's routes: the organisation's goals and periods are the coordinators' (their forms
    /// check the personal chat themselves), the team's own goals its leaders'.
    /// </summary>
    public static BotRoutes MapRatingCatalogue(this BotRoutes routes) => routes
        .OnCommand<GoalsCommand>()
        .OnCommand<PeriodsCommand>()
        .OnCommand<TeamGoalsCommand>(needsRoles: true)
        .OnAction<GoalCatalogueActions>(GoalCatalogueCards.ListVerb, CommandAudience.Coordinators, RouteScope.Anywhere, actions => actions.ListAsync)
        .OnAction<GoalCatalogueActions>(GoalCatalogueCards.EditVerb, CommandAudience.Coordinators, RouteScope.Anywhere, actions => actions.EditAsync)
        .OnAction<GoalCatalogueActions>(GoalCatalogueCards.NewVerb, CommandAudience.Coordinators, RouteScope.Anywhere, actions => actions.NewAsync)
        .OnAction<GoalCatalogueActions>(GoalCatalogueCards.SaveVerb, CommandAudience.Coordinators, RouteScope.Anywhere, actions => actions.SaveAsync)
        .OnAction<GoalCatalogueActions>(GoalCatalogueCards.RetireVerb, CommandAudience.Coordinators, RouteScope.Anywhere, actions => actions.AskRetireAsync)
        .OnAction<GoalCatalogueActions>(GoalCatalogueCards.ConfirmRetireVerb, CommandAudience.Coordinators, RouteScope.Anywhere, actions => actions.RetireAsync)
        .OnAction<PeriodActions>(PeriodCards.ListVerb, CommandAudience.Coordinators, RouteScope.Anywhere, actions => actions.ListAsync)
        .OnAction<PeriodActions>(PeriodCards.EditVerb, CommandAudience.Coordinators, RouteScope.Anywhere, actions => actions.EditAsync)
        .OnAction<PeriodActions>(PeriodCards.NewVerb, CommandAudience.Coordinators, RouteScope.Anywhere, actions => actions.NewAsync)
        .OnAction<PeriodActions>(PeriodCards.SaveVerb, CommandAudience.Coordinators, RouteScope.Anywhere, actions => actions.SaveAsync)
        .OnAction<TeamGoalActions>(TeamGoalCards.AddVerb, CommandAudience.TeamLeaders, RouteScope.Anywhere, actions => actions.AddAsync)
        .OnAction<TeamGoalActions>(TeamGoalCards.RetireVerb, CommandAudience.TeamLeaders, RouteScope.Anywhere, actions => actions.RetireAsync);
}
