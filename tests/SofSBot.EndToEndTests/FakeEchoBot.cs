using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SofSBot.TestSupport;

namespace SofSBot.EndToEndTests;

/// <summary>
/// A stand-in bot for testing the Playground harness itself: answers a message by POSTing
/// "echo: {text}" (or, for "kort", a card) to the activity's serviceUrl, and an
/// <c>adaptiveCard/action</c> invoke by updating that card and returning a message response.
/// </summary>
internal sealed class FakeEchoBot : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _connector = new();
    private readonly ConcurrentQueue<JsonObject> _received = new();

    private FakeEchoBot(WebApplication app, int port)
    {
        _app = app;
        Endpoint = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/api/messages");
    }

    public Uri Endpoint { get; }

    public IReadOnlyList<JsonObject> Received => [.. _received];

    public static async Task<FakeEchoBot> StartAsync(CancellationToken cancellationToken)
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var bot = new FakeEchoBot(app, port);
        app.MapPost("/api/messages", bot.HandleAsync);
        await app.StartAsync(cancellationToken);
        return bot;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _connector.Dispose();
    }

    private static Uri ActivitiesUrl(JsonObject activity, string? activityId = null)
    {
        var serviceUrl = activity["serviceUrl"]!.GetValue<string>().TrimEnd('/');
        var conversationId = Uri.EscapeDataString(activity["conversation"]!["id"]!.GetValue<string>());
        var suffix = activityId is null ? string.Empty : "/" + Uri.EscapeDataString(activityId);
        return new Uri($"{serviceUrl}/v3/conversations/{conversationId}/activities{suffix}");
    }

    private static JsonObject Card(string text) => new()
    {
        ["contentType"] = "application/vnd.microsoft.card.adaptive",
        ["content"] = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["version"] = "1.5",
            ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = text }),
            ["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = "Action.Execute",
                ["title"] = "7",
                ["verb"] = "rate",
                ["data"] = new JsonObject { ["value"] = 7 },
            }),
        },
    };

    private async Task<IResult> HandleAsync(JsonObject activity, CancellationToken cancellationToken)
    {
        _received.Enqueue(activity);
        switch (activity["type"]?.GetValue<string>())
        {
            case "message" when activity["text"]?.GetValue<string>() is { } text:
                // Card-only: the Playground splits text + card into two messages and returns no id.
                JsonObject reply = text.Contains("kort", StringComparison.Ordinal)
                    ? new() { ["type"] = "message", ["attachments"] = new JsonArray(Card("Skatta 0–10")) }
                    : new() { ["type"] = "message", ["text"] = "echo: " + text };
                using (var response = await _connector.PostAsJsonAsync(ActivitiesUrl(activity), reply, cancellationToken))
                {
                    response.EnsureSuccessStatusCode();
                }

                return Results.Ok();

            case "invoke":
                var replyToId = activity["replyToId"]!.GetValue<string>();
                var from = activity["from"]?["name"]?.GetValue<string>();
                var update = new JsonObject { ["type"] = "message", ["attachments"] = new JsonArray(Card($"{from} gav 7")) };
                using (var response = await _connector.PutAsJsonAsync(ActivitiesUrl(activity, replyToId), update, cancellationToken))
                {
                    response.EnsureSuccessStatusCode();
                }

                return Results.Json(new JsonObject
                {
                    ["statusCode"] = 200,
                    ["type"] = "application/vnd.microsoft.activity.message",
                    ["value"] = $"Tack, {from}!",
                });

            default:
                return Results.Ok();
        }
    }
}
