using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SofSBot.BotFramework.Authentication;
using SofSBot.BotFramework.Connector;

namespace SofSBot.BotFramework.Hosting;

public static class BotFrameworkHostingExtensions
{
    /// <summary>
    /// Adds the protocol layer: the bot's identity options, inbound authentication, the connector
    /// client and the messaging endpoint. The application registers its <see cref="IActivityHandler"/>.
    /// </summary>
    public static IHostApplicationBuilder AddBotFramework(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        services.AddOptions<BotOptions>()
            .BindConfiguration(BotOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotOptions>, BotOptionsValidator>());
        services.AddOptions<BotEndpointOptions>()
            .BindConfiguration(BotEndpointOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        services.AddBotAuthentication();
        services.AddBotConnector();
        services.AddSingleton<BotMessageEndpoint>();
        services.AddHostedService<AnonymousModeGuard>();

        services.AddOptions<KestrelServerOptions>()
            .Configure<IConfiguration, IOptions<BotOptions>>((kestrel, configuration, bot) =>
            {
                if (bot.Value.IsAnonymous)
                {
                    AnonymousModeGuard.BindToLoopback(kestrel, configuration);
                }
            });

        return builder;
    }
}
