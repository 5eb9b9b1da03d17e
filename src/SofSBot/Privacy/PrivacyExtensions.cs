using SofSBot.Roles;
using SofSBot.Routing;

namespace SofSBot.Privacy;

internal static class PrivacyExtensions
{
    /// <summary>"mina data": shows and erases what every <see cref="IPersonalDataSource"/> keeps about the user.</summary>
    public static IHostApplicationBuilder AddPrivacy(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<PersonalData>();
        services.Routes().MapPrivacy();
        return builder;
    }

    /// <summary>"mina data" and its buttons: everyone's own data, only in the personal chat, where nobody else sees it.</summary>
    public static BotRoutes MapPrivacy(this BotRoutes routes)
    {
        var personalChat = RouteScope.PersonalChat(language => PersonalDataTexts.For(language).OnlyInPersonalChat);
        return routes
            .OnCommand<PrivacyCommand>(personalChat)
            .OnAction<PrivacyCardActions>(PersonalDataCards.ShowVerb, CommandAudience.Everyone, personalChat, actions => actions.ShowAsync)
            .OnAction<PrivacyCardActions>(PersonalDataCards.AskEraseVerb, CommandAudience.Everyone, personalChat, _ => PrivacyCardActions.AskEraseAsync)
            .OnAction<PrivacyCardActions>(PersonalDataCards.EraseVerb, CommandAudience.Everyone, personalChat, actions => actions.EraseAsync);
    }
}
