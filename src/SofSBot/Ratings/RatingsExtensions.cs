using SofSBot.CardActions;
using SofSBot.Commands;
using SofSBot.Privacy;
using SofSBot.Ratings.Catalogue;
using SofSBot.Roles;
using SofSBot.Routines;

namespace SofSBot.Ratings;

internal static class RatingsExtensions
{
    /// <summary>Rating rounds: the goal catalogue, periods, rounds and answers, their cards, commands and the deadline monitor.</summary>
    public static IHostApplicationBuilder AddRatings(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RatingsOptions>()
            .BindConfiguration(RatingsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IRatingRoundStore, TableRatingRoundStore>();
        services.AddSingleton<IRatingAnswerStore, TableRatingAnswerStore>();
        services.AddSingleton<IGoalCatalogueStore, TableGoalCatalogueStore>();
        services.AddSingleton<IRatingPeriodStore, TableRatingPeriodStore>();
        services.AddSingleton<RatingRounds>();
        services.AddSingleton<RespondentCounts>();
        services.AddSingleton<RatingCardActions>();
        services.AddSingleton<IRoutineCards, RatingRoundCards>();
        services.AddSingleton<IBotCommand, RatingCommand>();
        services.AddSingleton<IBotCommand, ResultsCommand>();
        services.AddSingleton<IPersonalDataSource, RatingPersonalData>();

        // The reminder claim ({team}|{round}|{user}) records that the member was reminded.
        services.AddSingleton<IPersonalDataSource>(provider => new ClaimPersonalData(
            provider.GetRequiredService<Storage.IClaimStore>(),
            RatingRoundMonitor.ReminderClaimScope,
            ClaimPersonalData.LastPart,
            claim => ClaimPersonalData.Item(
                new("Skattningar av teamets mål", "Ratings of the team's goals"),
                new("Du fick en påminnelse om en skattningsomgång", "You were reminded of a rating round"),
                claim)));
        AddAction(services, RatingCards.ViewVerb, CommandAudience.Everyone, actions => actions.ViewAsync);
        AddAction(services, RatingCards.SaveVerb, CommandAudience.Everyone, actions => actions.SaveAsync);
        AddAction(services, RatingCards.CloseVerb, CommandAudience.TeamLeaders, actions => actions.CloseAsync);
        AddAction(services, RatingCards.OpenVerb, CommandAudience.TeamLeaders, actions => actions.OpenAsync);
        services.AddRatingCatalogueEditing();
        services.AddSingleton<RatingRoundMonitor>();
        services.AddHostedService(provider => provider.GetRequiredService<RatingRoundMonitor>());
        return builder;
    }

    private static void AddAction(
        IServiceCollection services,
        string verb,
        CommandAudience audience,
        Func<RatingCardActions, Func<CardActionContext, CancellationToken, Task<CardActionResult>>> handler) =>
        services.AddSingleton<ICardActionHandler>(provider => new RatingCardAction(verb, audience, handler(provider.GetRequiredService<RatingCardActions>())));
}
