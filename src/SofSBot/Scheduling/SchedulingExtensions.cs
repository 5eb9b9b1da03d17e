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
        services.AddSingleton<ScheduleEditor>();
        services.AddSingleton<Privacy.IPersonalDataSource, SchedulePersonalData>();
        services.AddSingleton<Commands.IBotCommand, ScheduleCommand>();
        foreach (var verb in (string[])[ScheduleCards.ListVerb, ScheduleCards.NewVerb, ScheduleCards.EditVerb, ScheduleCards.SaveVerb,
                     ScheduleCards.PauseVerb, ScheduleCards.ResumeVerb, ScheduleCards.DeleteVerb, ScheduleCards.PostNowVerb])
        {
            services.AddSingleton<CardActions.ICardActionHandler>(provider => new ScheduleCardAction(verb, provider.GetRequiredService<ScheduleEditor>()));
        }

        services.AddHostedService(provider => provider.GetRequiredService<SchedulerService>());
        return builder;
    }
}
