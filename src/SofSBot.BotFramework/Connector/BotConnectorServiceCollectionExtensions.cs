using Microsoft.Extensions.DependencyInjection;

namespace SofSBot.BotFramework.Connector;

public static class BotConnectorServiceCollectionExtensions
{
    // Placeholder until the connector lands: replaced by the real registration.
    public static IServiceCollection AddBotConnector(this IServiceCollection services) => services;
}
