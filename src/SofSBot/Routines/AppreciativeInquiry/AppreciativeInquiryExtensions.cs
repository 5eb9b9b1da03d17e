using SofSBot.Roles;
using SofSBot.Routing;

namespace SofSBot.Routines.AppreciativeInquiry;

internal static class AppreciativeInquiryExtensions
{
    /// <summary>The appreciative inquiry card, its card actions and its storage.</summary>
    public static IHostApplicationBuilder AddAppreciativeInquiry(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AppreciativeInquiryOptions>()
            .BindConfiguration(AppreciativeInquiryOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ILearningLog, TableLearningLog>();
        services.AddSingleton<IRoutineCards, AppreciativeInquiryCards>();
        services.Routes().MapAppreciativeInquiry();

        services.AddSingleton<LearningLogRetentionService>();
        services.AddHostedService(provider => provider.GetRequiredService<LearningLogRetentionService>());

        return builder;
    }

    /// <summary>Every member's own buttons, in the team (the card's meeting binds to <see cref="InquiryCardData"/>).</summary>
    public static BotRoutes MapAppreciativeInquiry(this BotRoutes routes)
    {
        var inTeam = RouteScope.TeamChannel(language => InquiryTexts.For(language).OnlyInTeam);
        return routes
            .OnAction<InquiryCardActions, InquiryCardData>(InquiryCards.VolunteerVerb, CommandAudience.Everyone, inTeam, actions => actions.VolunteerAsync)
            .OnAction<InquiryCardActions, InquiryCardData>(InquiryCards.SuggestVerb, CommandAudience.Everyone, inTeam, actions => actions.SuggestAsync)
            .OnAction<InquiryCardActions, InquiryCardData>(InquiryCards.SaveNoteVerb, CommandAudience.Everyone, inTeam, actions => actions.SaveNoteAsync)
            .OnAction<InquiryCardActions, InquiryCardData>(InquiryCards.RefreshVerb, CommandAudience.Everyone, inTeam, actions => actions.ShowAsync);
    }
}
