using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SofSBot.BotFramework.Connector;
using SofSBot.Tests.Infrastructure;
using SofSBot.TestSupport;
using static SofSBot.Tests.Infrastructure.TeamsActivities;

namespace SofSBot.Tests.Bot;

/// <summary>
/// Teams gets its answer within 10 s even when the service URL it named cannot be reached: the
/// connector calls of one turn share a time budget (<c>Bot:Connector:TurnBudget</c>), whatever the
/// backoff settings, and what could not be sent is logged.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class UnreachableConnectorTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Message_whose_service_url_refuses_connections_is_answered_within_10_seconds()
    {
        // A loopback port nobody listens on: every connection is refused at once, so only the retries take time.
        var serviceUrl = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{FreePort.Next()}/amer/");
        await using var app = new SofSBotApp(
            azurite,
            settings: new Dictionary<string, string?>
            {
                // Long backoffs (the defaults are 1 s and 30 s): without a budget the retries alone take half a minute.
                ["Bot:Connector:BaseDelay"] = "00:00:04",
                ["Bot:Connector:MaxDelay"] = "00:00:30",
            },
            services: services => services.AddHttpClient(nameof(IConnectorClient)).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler()));
        var message = PersonalMessage("hjälp");
        message["serviceUrl"] = serviceUrl;
        using (var client = app.CreateClient())
        using (await client.GetAsync(new Uri("/health", UriKind.Relative)))
        {
            // Warm up: the first request starts the app, which is not what is timed.
        }

        var clock = Stopwatch.StartNew();
        using var response = await app.SendActivityAsync(message);
        clock.Stop();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"Answered after {clock.Elapsed}.");
        Assert.Contains(app.Logs.Lines, line => line.Level == LogLevel.Warning && line.Message.Contains("could not be completed", StringComparison.Ordinal));
    }
}
