using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SofSBot.BotFramework.Hosting;

/// <summary>
/// With no app id the bot authenticates nobody: fine for the Agents Playground on this machine,
/// never on a network (and only in the Development environment with <c>Bot:AllowAnonymous</c>, which
/// <see cref="BotOptionsValidator"/> enforces at start). This keeps Kestrel on the loopback address and says so loudly at start.
/// </summary>
internal sealed partial class AnonymousModeGuard(IOptions<BotOptions> options, ILogger<AnonymousModeGuard> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.IsAnonymous)
        {
            LogAnonymous();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Rebinds every configured URL to 127.0.0.1 on the same port.</summary>
    internal static void BindToLoopback(KestrelServerOptions kestrel, IConfiguration configuration)
    {
        var urls = configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? "http://127.0.0.1:5000";
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // "http://*:3978" and "http://+:3978" are not valid URIs; only the port matters here.
            var parsable = url.Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal);
            if (Uri.TryCreate(parsable, UriKind.Absolute, out var uri))
            {
                kestrel.Listen(IPAddress.Loopback, uri.Port);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot:AppId is not set and Bot:AllowAnonymous is on (Development): inbound activities are NOT authenticated. The bot listens on 127.0.0.1 only. Set Bot:AppId for any real deployment.")]
    private partial void LogAnonymous();
}
