using SofSBot.CardActions;

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
        services.AddMemberCardActions<CaseSupervisionActions>(CaseSupervisionCard.BookVerb, CaseSupervisionCard.CancelVerb, CaseSupervisionCard.ViewVerb);

        services.AddSingleton<CaseSupervisionRetentionService>();
        services.AddHostedService(provider => provider.GetRequiredService<CaseSupervisionRetentionService>());

        return builder;
    }
}
