using SofSBot.Roles;
using SofSBot.Routing;

namespace SofSBot.Scheduling;

internal static class SchedulingExtensions
{
    /// <summary>Schedules, the occurrence ledger and the scheduler that posts due routines.</summary>
    public static IHostApplicationBuilder AddScheduling(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SchedulerOptions>()
            .BindConfiguration(SchedulerOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IScheduleStore, TableScheduleStore>();
        services.AddSingleton<IOccurrenceLedger, TableOccurrenceLedger>();
        services.AddSingleton<PostBudget>();
        services.AddSingleton<RoutinePoster>();
        services.AddSingleton<SchedulerService>();
        services.AddSingleton<Privacy.IPersonalDataSource, SchedulePersonalData>();
        services.AddHostedService(provider => provider.GetRequiredService<SchedulerService>());
        services.Routes().MapScheduling();
        return builder;
    }

    /// <summary><c>schema</c> and the schedule cards' buttons: the team's leaders, in the team.</summary>
    public static BotRoutes MapScheduling(this BotRoutes routes)
    {
        var inTeam = RouteScope.TeamChannel(language => ScheduleTexts.For(language).OnlyInTeam);
        routes.OnCommand<ScheduleCommand>();
        foreach (var verb in (string[])[ScheduleCards.ListVerb, ScheduleCards.NewVerb, ScheduleCards.EditVerb, ScheduleCards.SaveVerb,
                     ScheduleCards.PauseVerb, ScheduleCards.ResumeVerb, ScheduleCards.DeleteVerb, ScheduleCards.PostNowVerb])
        {
            routes.OnAction<ScheduleEditor>(verb, CommandAudience.TeamLeaders, inTeam, editor => editor.HandleAsync);
        }

        return routes;
    }
}
