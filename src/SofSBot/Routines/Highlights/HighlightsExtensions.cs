using SofSBot.Roles;
using SofSBot.Routing;

namespace SofSBot.Routines.Highlights;

internal static class HighlightsExtensions
{
    /// <summary>The highlights card, its card actions and its storage.</summary>
    public static IHostApplicationBuilder AddHighlights(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<HighlightsOptions>()
            .BindConfiguration(HighlightsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<TableHighlightsStore>();
        services.AddSingleton<IHighlightsStore>(provider => provider.GetRequiredService<TableHighlightsStore>());
        services.AddSingleton<IWeekHighlights>(provider => provider.GetRequiredService<TableHighlightsStore>());
        services.AddSingleton<IRoutineCards, HighlightsCards>();
        services.Routes().MapHighlights();

        services.AddSingleton<HighlightsRetentionService>();
        services.AddHostedService(provider => provider.GetRequiredService<HighlightsRetentionService>());
        return builder;
    }

    /// <summary>Every member's own highlight, in the team; the card's data binds to <see cref="HighlightsCardData"/>.</summary>
    public static BotRoutes MapHighlights(this BotRoutes routes)
    {
        var inTeam = RouteScope.TeamChannel(language => HighlightsTexts.For(language).OnlyInTeam);
        return routes
            .OnAction<HighlightsActions, HighlightsCardData>(HighlightsCard.SaveVerb, CommandAudience.Everyone, inTeam, actions => actions.SaveAsync)
            .OnAction<HighlightsActions, HighlightsCardData>(HighlightsCard.RemoveVerb, CommandAudience.Everyone, inTeam, actions => actions.RemoveAsync)
            .OnAction<HighlightsActions, HighlightsCardData>(HighlightsCard.RefreshVerb, CommandAudience.Everyone, inTeam, actions => actions.ShowAsync);
    }
}
