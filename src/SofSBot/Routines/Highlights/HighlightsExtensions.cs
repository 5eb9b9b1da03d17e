namespace SofSBot.Routines.Highlights;

internal static class HighlightsExtensions
{
    /// <summary>The highlights card, its card actions and its storage.</summary>
    public static IHostApplicationBuilder AddHighlights(this IHostApplicationBuilder builder)
    {
        return builder;
    }
}
