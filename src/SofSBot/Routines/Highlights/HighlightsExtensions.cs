namespace SofSBot.Routines.Highlights;

internal static class HighlightsExtensions
{
    /// <summary>The highlights card, its card actions and its storage.</summary>
    public static IHostApplicationBuilder AddHighlights(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<TableHighlightStore>();
        services.AddSingleton<IWeekHighlights>(provider => provider.GetRequiredService<TableHighlightStore>());
        return builder;
    }
}
