using Microsoft.Extensions.DependencyInjection.Extensions;
using SofSBot.Ratings;
using SofSBot.Roles;
using SofSBot.Routing;
using SofSBot.Storage;

namespace SofSBot.Export;

internal static class ExportExtensions
{
    /// <summary>The export in the bot: the core, and <c>export</c> in coordinators' personal chat with the file sent by consent card.</summary>
    public static IHostApplicationBuilder AddExport(this IHostApplicationBuilder builder)
    {
        builder.AddExportCore();
        var services = builder.Services;
        builder.AddBlobStorage();
        services.AddSingleton<IExportFileStore, BlobExportFileStore>();
        services.AddSingleton<ExportJobs>();
        services.AddHostedService<ExportFileCleanup>();
        services.AddSingleton<Bot.IFileConsentHandler, ExportFileConsentHandler>();
        // The upload to OneDrive, in the background: the uploader retries and resumes each chunk
        // itself (ExportUploadOptions), with a time limit per request.
        services.AddSingleton<ExportUploader>();
        services.AddSingleton<ExportUploads>();
        services.AddHostedService(provider => provider.GetRequiredService<ExportUploads>());
        services.AddOptions<ExportUploadOptions>()
            .BindConfiguration(ExportUploadOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHttpClient(ExportUploader.ClientName, client => client.Timeout = ExportUploader.RequestTimeout);

        // The coordinators' message when a period has ended, and where they are reached for it.
        services.AddOptions<PeriodEndReminderOptions>()
            .BindConfiguration(PeriodEndReminderOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ICoordinatorConversationStore, TableCoordinatorConversationStore>();
        services.AddSingleton<Bot.IActivityObserver, CoordinatorConversationRecorder>();
        services.AddSingleton<Privacy.IPersonalDataSource, CoordinatorConversationPersonalData>();
        // The reminder's claim ({period}|{Entra id}) records that the coordinator got the message.
        services.AddSingleton<Privacy.IPersonalDataSource>(provider => new Privacy.ClaimPersonalData(
            provider.GetRequiredService<Storage.IClaimStore>(),
            PeriodEndReminder.ClaimScope,
            Privacy.ClaimPersonalData.LastPart,
            claim => Privacy.ClaimPersonalData.Item(
                new("Meddelande när en skattningsperiod är slut", "Message when a rating period ends"),
                new("Du fick meddelandet om svarsfrekvensen när en skattningsperiod var slut", "You got the message on response rates when a rating period ended"),
                claim)));
        services.AddSingleton<PeriodResponseCounter>();
        services.AddSingleton<PeriodEndReminder>();
        services.AddHostedService(provider => provider.GetRequiredService<PeriodEndReminder>());
        services.Routes().MapExport();
        return builder;
    }

    /// <summary>The export's routes: coordinators only, in their personal chat, where the file reaches them alone.</summary>
    public static BotRoutes MapExport(this BotRoutes routes)
    {
        var personalChat = RouteScope.PersonalChat(language => ExportBotTexts.For(language).OnlyInPersonalChat);
        return routes
            .OnCommand<ExportCommand>(personalChat)
            .OnAction<ExportRunAction>(ExportCards.RunVerb, CommandAudience.Coordinators, personalChat, actions => actions.RunAsync)
            .OnAction<ShowExportFormAction>(PeriodEndReminderCards.ShowExportVerb, CommandAudience.Coordinators, personalChat, actions => actions.ShowAsync);
    }

    /// <summary>The coordinator's export and follow-up report, shared by the bot and the command line.</summary>
    public static IHostApplicationBuilder AddExportCore(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        // Checked when an export starts, not at start: a bot without the secret still serves every
        // team; only exports are refused, with a message saying which setting is missing.
        services.AddOptions<ExportOptions>()
            .BindConfiguration(ExportOptions.SectionName)
            .ValidateDataAnnotations();

        // The ratings feature owns these; bound and registered here too (idempotently) so the export
        // reads the same threshold and stores whether or not the ratings feature is added.
        services.AddOptions<RatingsOptions>()
            .BindConfiguration(RatingsOptions.SectionName)
            .ValidateDataAnnotations();
        services.TryAddSingleton<IRatingPeriodStore, TableRatingPeriodStore>();
        services.TryAddSingleton<IRatingRoundStore, TableRatingRoundStore>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<IPeriodAnswerReader, TablePeriodAnswerReader>();
        services.AddSingleton<IExportTeamDirectory, TableExportTeamDirectory>();
        services.AddSingleton<RespondentPseudonyms>();
        services.AddSingleton<FollowUpReport>();
        services.AddSingleton<RatingsExporter>();
        return builder;
    }
}
