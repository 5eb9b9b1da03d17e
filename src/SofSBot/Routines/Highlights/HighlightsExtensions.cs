using SofSBot.CardActions;

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
        services.AddMemberCardActions<HighlightsActions>(HighlightsCard.SaveVerb, HighlightsCard.RemoveVerb, HighlightsCard.RefreshVerb);

        services.AddSingleton<HighlightsRetentionService>();
        services.AddHostedService(provider => provider.GetRequiredService<HighlightsRetentionService>());
        return builder;
    }
}
