using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SofSBot.BotFramework.Connector;

/// <summary>Registration of the outbound Bot Connector client.</summary>
public static class ConnectorServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IConnectorClient"/> (typed HTTP client: the resilience library's retries outside,
    /// configured by <see cref="ConnectorRetryPolicy"/>, the bearer token inside, on every attempt),
    /// <see cref="IBotTokenProvider"/>, <see cref="IBotAccessTokenSource"/> (the bot's app-only tokens
    /// for any scope) and <see cref="ConnectorOptions"/> bound to <c>Bot:Connector</c>.
    /// The caller registers <see cref="BotOptions"/> and an <see cref="Microsoft.Extensions.Configuration.IConfiguration"/>;
    /// <see cref="TimeProvider.System"/> is used unless another <see cref="TimeProvider"/> is registered.
    /// </summary>
    public static IServiceCollection AddBotConnector(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<ConnectorOptions>()
            .BindConfiguration(ConnectorOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Singletons: the gate must be shared by every (transient) typed client, the token cache by every handler.
        services.TryAddSingleton<ConversationGate>();
        // One credential and token cache for every scope the bot calls (connector, Graph).
        services.TryAddSingleton<IBotAccessTokenSource>(provider =>
        {
            var bot = provider.GetRequiredService<IOptions<BotOptions>>().Value;
            return new BotAccessTokenSource(
                BotCredentialFactory.Create(bot),
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILogger<BotAccessTokenSource>>());
        });
        services.TryAddSingleton<IBotTokenProvider>(provider => new BotTokenProvider(
            provider.GetRequiredService<IOptions<BotOptions>>().Value,
            provider.GetRequiredService<IBotAccessTokenSource>()));
        services.TryAddTransient<ConnectorAuthorizationHandler>();

        var connector = services.AddHttpClient<IConnectorClient, ConnectorClient>((provider, client) =>
            client.Timeout = provider.GetRequiredService<IOptions<ConnectorOptions>>().Value.Timeout);
        connector.AddResilienceHandler("connector", (pipeline, context) => ConnectorRetryPolicy.AddTo(
            pipeline,
            context.ServiceProvider.GetRequiredService<IOptions<ConnectorOptions>>().Value,
            context.ServiceProvider.GetRequiredService<TimeProvider>(),
            context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ConnectorRetryPolicy).FullName!)));
        connector.AddHttpMessageHandler<ConnectorAuthorizationHandler>();

        return services;
    }
}
