using SofSBot.Roles;
using SofSBot.Routing;

namespace SofSBot.Routines.CaseSupervision;

internal static class CaseSupervisionExtensions
{
    /// <summary>The case supervision card, its card actions and its storage.</summary>
    public static IHostApplicationBuilder AddCaseSupervision(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<CaseSupervisionOptions>()
            .BindConfiguration(CaseSupervisionOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ICaseSupervisionStore, TableCaseSupervisionStore>();
        services.AddSingleton<TeamRoster>();
        services.AddSingleton<IRoutineCards, CaseSupervisionCards>();
        services.Routes().MapCaseSupervision();

        services.AddSingleton<CaseSupervisionRetentionService>();
        services.AddHostedService(provider => provider.GetRequiredService<CaseSupervisionRetentionService>());

        return builder;
    }

    /// <summary>Every member's own buttons, in the team (the handler acts by verb on the meeting the card names).</summary>
    public static BotRoutes MapCaseSupervision(this BotRoutes routes)
    {
        var inTeam = RouteScope.TeamChannel(language => CaseSupervisionTexts.For(language).OnlyInTeam);
        return routes
            .OnAction<CaseSupervisionActions>(CaseSupervisionCard.BookVerb, CommandAudience.Everyone, inTeam, actions => actions.HandleAsync)
            .OnAction<CaseSupervisionActions>(CaseSupervisionCard.CancelVerb, CommandAudience.Everyone, inTeam, actions => actions.HandleAsync)
            .OnAction<CaseSupervisionActions>(CaseSupervisionCard.ViewVerb, CommandAudience.Everyone, inTeam, actions => actions.HandleAsync);
    }
}
