using SofSBot.CardActions;
using SofSBot.Commands;

namespace SofSBot.Privacy;

internal static class PrivacyExtensions
{
    /// <summary>"mina data": shows and erases what every <see cref="IPersonalDataSource"/> keeps about the user.</summary>
    public static IHostApplicationBuilder AddPrivacy(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<PersonalData>();
        services.AddSingleton<IBotCommand, PrivacyCommand>();
        foreach (var verb in (string[])[PersonalDataCards.ShowVerb, PersonalDataCards.AskEraseVerb, PersonalDataCards.EraseVerb])
        {
            services.AddSingleton<ICardActionHandler>(provider => new PrivacyCardAction(verb, provider.GetRequiredService<PersonalData>()));
        }

        return builder;
    }
}
