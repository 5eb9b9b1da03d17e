namespace SofSBot.Routines.CaseSupervision;

internal static class CaseSupervisionExtensions
{
    /// <summary>The case supervision card, its card actions and its storage.</summary>
    public static IHostApplicationBuilder AddCaseSupervision(this IHostApplicationBuilder builder)
    {
        return builder;
    }
}
