using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SofSBot.BotFramework.Authentication;

/// <summary>Registers the authentication of inbound Bot Framework calls.</summary>
public static class BotAuthenticationServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IActivityAuthenticator"/> and the cache of Bot Framework's signing keys. The caller
    /// registers and validates <see cref="BotOptions"/>; resilience for the metadata requests comes from
    /// the host's HttpClient defaults.
    /// </summary>
    public static IServiceCollection AddBotAuthentication(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.TryAddSingleton(TimeProvider.System);

        // A named client through the factory rather than a typed one: typed clients are transient, and
        // the key cache must be a singleton to be a cache at all.
        // A stalled metadata endpoint must not hold inbound calls for long; the cache retries later.
        services.AddHttpClient(BotSigningKeyCache.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(15));
        services.TryAddSingleton<BotSigningKeyCache>();
        services.TryAddSingleton<IActivityAuthenticator, BotFrameworkActivityAuthenticator>();
        return services;
    }
}
