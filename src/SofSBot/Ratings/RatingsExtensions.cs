using SofSBot.Privacy;
using SofSBot.Ratings.Catalogue;
using SofSBot.Roles;
using SofSBot.Routines;
using SofSBot.Routing;

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
        services.AddSingleton<IRoutineCards, RatingRoundCards>();
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
        services.Routes().MapRatings();
        services.AddRatingCatalogueEditing();
        services.AddSingleton<RatingRoundMonitor>();
        services.AddHostedService(provider => provider.GetRequiredService<RatingRoundMonitor>());
        return builder;
    }

    /// <summary>The rating commands work in a team only.</summary>
    internal static RouteScope InTeam { get; } = RouteScope.TeamChannel(language => RatingTexts.For(language).OnlyInTeam);

    /// <summary>
    /// Rating rounds' commands and card buttons. Saving is every member's and reads no roles; the own
    /// view (the card's refresh) reads them to offer leaders the close button.
    /// </summary>
    public static BotRoutes MapRatings(this BotRoutes routes) => routes
        .OnCommand<RatingCommand>(InTeam)
        .OnCommand<ResultsCommand>(InTeam, needsRoles: true)
        .OnAction<RatingCardActions>(RatingCards.ViewVerb, CommandAudience.Everyone, RouteScope.Anywhere, actions => actions.ViewAsync, needsRoles: true)
        .OnAction<RatingCardActions>(RatingCards.SaveVerb, CommandAudience.Everyone, RouteScope.Anywhere, actions => actions.SaveAsync)
        .OnAction<RatingCardActions>(RatingCards.CloseVerb, CommandAudience.TeamLeaders, RouteScope.Anywhere, actions => actions.CloseAsync)
        .OnAction<RatingCardActions>(RatingCards.OpenVerb, CommandAudience.TeamLeaders, RouteScope.Anywhere, actions => actions.OpenAsync);
}
