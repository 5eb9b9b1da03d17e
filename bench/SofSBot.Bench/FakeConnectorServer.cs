using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SofSBot.Bench;

/// <summary>
/// A Bot Connector on a loopback port, answering channel-thread creation and posts with the shapes
/// Teams returns, throttled by a <see cref="ThrottlingConnector"/>. The bot reaches it over real
/// HTTP, through its own handlers (retries, no token: the bot runs anonymous).
/// </summary>
internal sealed class FakeConnectorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _nextId = 1_772_000_000;

    private FakeConnectorServer(WebApplication app, ThrottlingConnector throttle)
    {
        _app = app;
        Throttle = throttle;
    }

    public ThrottlingConnector Throttle { get; }

    /// <summary>The service URL to store on the teams.</summary>
    public Uri ServiceUrl { get; private set; } = null!;

    public static async Task<FakeConnectorServer> StartAsync(ThrottlingConnector throttle, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeConnectorServer(app, throttle);
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Urls.First();
        server.ServiceUrl = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var segments = (request.Path.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        var body = request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0
            ? await JsonNode.ParseAsync(request.Body, cancellationToken: context.RequestAborted)
            : null;
        var channelId = body?["channelData"]?["channel"]?["id"]?.GetValue<string>();

        switch (request.Method, segments)
        {
            case ("POST", ["v3", "conversations"]) when channelId is not null:
                var activityId = NextId();
                await AnswerAsync(context, Throttle.Decide(channelId, newThreadIn: channelId), new JsonObject
                {
                    ["id"] = $"{channelId};messageid={activityId}",
                    ["activityId"] = activityId,
                });
                break;

            case ("POST", ["v3", "conversations", var conversationId, "activities", ..]):
                await AnswerAsync(context, Throttle.Decide(conversationId, newThreadIn: null), new JsonObject { ["id"] = NextId() });
                break;

            default:
                Throttle.RecordUnexpected();
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                break;
        }
    }

    private static async Task AnswerAsync(HttpContext context, ThrottleDecision decision, JsonObject accepted)
    {
        var response = context.Response;
        if (decision.Outcome != ThrottleOutcome.Accepted)
        {
            response.StatusCode = (int)HttpStatusCode.TooManyRequests;
            if (decision.RetryAfter is { } retryAfter)
            {
                response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            }

            await response.WriteAsJsonAsync(new JsonObject { ["error"] = new JsonObject { ["code"] = "TooManyRequests", ["message"] = decision.Outcome.ToString() } }, context.RequestAborted);
            return;
        }

        await response.WriteAsJsonAsync(accepted, context.RequestAborted);
    }

    private string NextId() => Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
}
