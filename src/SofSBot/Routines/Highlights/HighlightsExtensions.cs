namespace SofSBot.Routines.Highlights;

internal static class HighlightsExtensions
{
    /// <summary>The highlights card, its card actions and its storage.</summary>
    public static IHostApplicationBuilder AddHighlights(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<TableHighlightsStore>();
        services.AddSingleton<IHighlightsStore>(provider => provider.GetRequiredService<TableHighlightsStore>());
        services.AddSingleton<IWeekHighlights>(provider => provider.GetRequiredService<TableHighlightsStore>());
        return builder;
    }
}
