using Microsoft.Extensions.DependencyInjection;

namespace SofSBot.BotFramework.Authentication;

public static class BotAuthenticationServiceCollectionExtensions
{
    // Placeholder until the authenticator lands: replaced by the real registration.
    public static IServiceCollection AddBotAuthentication(this IServiceCollection services) => services;
}
