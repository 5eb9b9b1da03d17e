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

    /// <summary>Every member's own buttons, in the team (the handler acts by verb on the meeting the card names).</summary>
    public static BotRoutes MapAppreciativeInquiry(this BotRoutes routes)
    {
        var inTeam = RouteScope.TeamChannel(language => InquiryTexts.For(language).OnlyInTeam);
        return routes
            .OnAction<InquiryCardActions>(InquiryCards.VolunteerVerb, CommandAudience.Everyone, inTeam, actions => actions.HandleAsync)
            .OnAction<InquiryCardActions>(InquiryCards.SuggestVerb, CommandAudience.Everyone, inTeam, actions => actions.HandleAsync)
            .OnAction<InquiryCardActions>(InquiryCards.SaveNoteVerb, CommandAudience.Everyone, inTeam, actions => actions.HandleAsync)
            .OnAction<InquiryCardActions>(InquiryCards.RefreshVerb, CommandAudience.Everyone, inTeam, actions => actions.HandleAsync);
    }
}
