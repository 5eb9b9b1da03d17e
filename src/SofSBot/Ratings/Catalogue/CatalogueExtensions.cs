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
    /// The catalogue's routes: the organisation's goals and periods are the coordinators', in their
    /// personal chat; the team's own goals its leaders'.
    /// </summary>
    public static BotRoutes MapRatingCatalogue(this BotRoutes routes)
    {
        var personalChat = RouteScope.PersonalChat(language => GoalCatalogueTexts.For(language).OnlyInPersonalChat);
        return routes
            .OnCommand<GoalsCommand>(personalChat)
            .OnCommand<PeriodsCommand>(personalChat)
            .OnCommand<TeamGoalsCommand>(RatingsExtensions.InTeam, needsRoles: true)
            .OnAction<GoalCatalogueActions>(GoalCatalogueCards.ListVerb, CommandAudience.Coordinators, personalChat, actions => actions.ListAsync)
            .OnAction<GoalCatalogueActions>(GoalCatalogueCards.EditVerb, CommandAudience.Coordinators, personalChat, actions => actions.EditAsync)
            .OnAction<GoalCatalogueActions>(GoalCatalogueCards.NewVerb, CommandAudience.Coordinators, personalChat, actions => actions.NewAsync)
            .OnAction<GoalCatalogueActions>(GoalCatalogueCards.SaveVerb, CommandAudience.Coordinators, personalChat, actions => actions.SaveAsync)
            .OnAction<GoalCatalogueActions>(GoalCatalogueCards.RetireVerb, CommandAudience.Coordinators, personalChat, actions => actions.AskRetireAsync)
            .OnAction<GoalCatalogueActions>(GoalCatalogueCards.ConfirmRetireVerb, CommandAudience.Coordinators, personalChat, actions => actions.RetireAsync)
            .OnAction<PeriodActions>(PeriodCards.ListVerb, CommandAudience.Coordinators, personalChat, actions => actions.ListAsync)
            .OnAction<PeriodActions>(PeriodCards.EditVerb, CommandAudience.Coordinators, personalChat, actions => actions.EditAsync)
            .OnAction<PeriodActions>(PeriodCards.NewVerb, CommandAudience.Coordinators, personalChat, actions => actions.NewAsync)
            .OnAction<PeriodActions>(PeriodCards.SaveVerb, CommandAudience.Coordinators, personalChat, actions => actions.SaveAsync)
            .OnAction<TeamGoalActions>(TeamGoalCards.AddVerb, CommandAudience.TeamLeaders, RouteScope.Anywhere, actions => actions.AddAsync)
            .OnAction<TeamGoalActions>(TeamGoalCards.RetireVerb, CommandAudience.TeamLeaders, RouteScope.Anywhere, actions => actions.RetireAsync);
    }
}
