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
        return routes
            .OnCommand<ScheduleCommand>(inTeam)
            .OnAction<ScheduleEditor>(ScheduleCards.ListVerb, CommandAudience.TeamLeaders, inTeam, editor => editor.ShowListAsync)
            .OnAction<ScheduleEditor>(ScheduleCards.NewVerb, CommandAudience.TeamLeaders, inTeam, editor => editor.NewAsync)
            .OnAction<ScheduleEditor>(ScheduleCards.EditVerb, CommandAudience.TeamLeaders, inTeam, editor => editor.EditAsync)
            .OnAction<ScheduleEditor>(ScheduleCards.SaveVerb, CommandAudience.TeamLeaders, inTeam, editor => editor.SaveAsync)
            .OnAction<ScheduleEditor>(ScheduleCards.PauseVerb, CommandAudience.TeamLeaders, inTeam, editor => editor.PauseAsync)
            .OnAction<ScheduleEditor>(ScheduleCards.ResumeVerb, CommandAudience.TeamLeaders, inTeam, editor => editor.ResumeAsync)
            .OnAction<ScheduleEditor>(ScheduleCards.DeleteVerb, CommandAudience.TeamLeaders, inTeam, editor => editor.DeleteAsync)
            .OnAction<ScheduleEditor>(ScheduleCards.PostNowVerb, CommandAudience.TeamLeaders, inTeam, editor => editor.PostNowAsync);
    }
}
