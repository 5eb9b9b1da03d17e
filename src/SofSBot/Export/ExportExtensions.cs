using Microsoft.Extensions.DependencyInjection.Extensions;
using SofSBot.Ratings;

namespace SofSBot.Export;

internal static class ExportExtensions
{
    /// <summary>The export in the bot: the core.</summary>
    public static IHostApplicationBuilder AddExport(this IHostApplicationBuilder builder) => builder.AddExportCore();

    /// <summary>The coordinator's export and follow-up report, shared by the bot and the command line.</summary>
    public static IHostApplicationBuilder AddExportCore(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ExportOptions>()
            .BindConfiguration(ExportOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

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
