using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SofSBot.Tests.Infrastructure;

/// <summary>
/// Stands in for the Teams Bot Connector at the HTTP boundary, answering with the shapes the real
/// service returns. Every request is recorded; a request it does not know fails the test run
/// through <see cref="Unexpected"/> instead of silently succeeding.
/// </summary>
internal sealed class FakeBotConnector : HttpMessageHandler
{
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    private int _nextId = 1_772_000_000;

    public ConcurrentQueue<ConnectorCall> Calls { get; } = new();

    public ConcurrentQueue<string> Unexpected { get; } = new();

    /// <summary>The channels <c>GET v3/teams/{id}/conversations</c> lists, per team.</summary>
    public ConcurrentDictionary<string, IReadOnlyList<(string Id, string? Name)>> Channels { get; } = new(StringComparer.Ordinal);

    /// <summary>The roster <c>GET v3/conversations/{id}/pagedmembers</c> returns, per team (one page).</summary>
    public ConcurrentDictionary<string, IReadOnlyList<JsonObject>> Members { get; } = new(StringComparer.Ordinal);

    /// <summary>Status codes to answer the next calls with, before answering normally.</summary>
    public ConcurrentQueue<HttpStatusCode> Failures { get; } = new();

    /// <summary>The conversations the bot created (channel threads and personal chats), with the ids answered.</summary>
    public ConcurrentQueue<(ConnectorCall Call, string ConversationId, string? ActivityId)> CreatedConversations { get; } = new();

    /// <summary>Answers requests to other hosts (e.g. Bot Framework's signing keys); null passes them on as unexpected.</summary>
    public Func<HttpRequestMessage, HttpResponseMessage?>? OtherService { get; set; }

    /// <summary>Called with every recorded call, e.g. to stop a test part-way.</summary>
    public Action<ConnectorCall>? OnCall { get; set; }

    /// <summary>The new channel threads the bot started (scheduled and "post now" cards).</summary>
    public IEnumerable<ConnectorCall> ChannelThreads =>
        Calls.Where(call => call.Method == HttpMethod.Post && call.Path.EndsWith("/v3/conversations", StringComparison.Ordinal)
            && call.Body?["channelData"]?["channel"]?["id"] is not null);

    /// <summary>The messages the bot sent or replied (not updates), in order.</summary>
    public IEnumerable<ConnectorCall> Posts =>
        Calls.Where(call => call.Method == HttpMethod.Post && call.Path.Contains("/activities", StringComparison.Ordinal));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var uri = request.RequestUri!;
        if (!uri.ToString().StartsWith(ServiceUrl, StringComparison.Ordinal) && OtherService?.Invoke(request) is { } answer)
        {
            return answer;
        }

        if (!uri.ToString().StartsWith(ServiceUrl, StringComparison.Ordinal))
        {
            Unexpected.Enqueue($"{request.Method} {uri}");
            return new HttpResponseMessage(HttpStatusCode.NotFound);
        }

        var path = Uri.UnescapeDataString(uri.AbsolutePath);
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries)[1..]; // drop "emea"
        var call = new ConnectorCall(request.Method, path, body is { Length: > 0 } ? JsonNode.Parse(body) : null);
        Calls.Enqueue(call);
        OnCall?.Invoke(call);

        if (Failures.TryDequeue(out var failure))
        {
            return new HttpResponseMessage(failure);
        }

        return (request.Method.Method, segments) switch
        {
            ("POST", ["v3", "conversations"]) => CreateConversation(call),
            ("POST", ["v3", "conversations", _, "activities"]) => Json(new JsonObject { ["id"] = NextId() }),
            ("POST", ["v3", "conversations", _, "activities", _]) => Json(new JsonObject { ["id"] = NextId() }),
            ("PUT", ["v3", "conversations", _, "activities", var activityId]) => Json(new JsonObject { ["id"] = activityId }),
            ("GET", ["v3", "teams", var teamId]) => Json(new JsonObject { ["id"] = teamId, ["name"] = "Utredningsteam 1", ["aadGroupId"] = "d1c2b3a4-9e8f-4a7b-8c6d-5e4f3a2b1c0d" }),
            ("GET", ["v3", "teams", var teamId, "conversations"]) => ListChannels(teamId),
            ("GET", ["v3", "conversations", var teamId, "pagedmembers"]) => ListMembers(teamId),
            _ => Refuse(request.Method, path),
        };
    }

    private HttpResponseMessage CreateConversation(ConnectorCall call)
    {
        var channelId = call.Body?["channelData"]?["channel"]?["id"]?.GetValue<string>();
        var activityId = NextId();
        var conversationId = channelId is null
            ? "a:" + Convert.ToBase64String(Encoding.UTF8.GetBytes(call.Body?["members"]?[0]?["id"]?.GetValue<string>() ?? "?"))
            : $"{channelId};messageid={activityId}";
        CreatedConversations.Enqueue((call, conversationId, channelId is null ? null : activityId));
        return Json(new JsonObject { ["id"] = conversationId, ["activityId"] = channelId is null ? null : activityId });
    }

    private HttpResponseMessage ListChannels(string teamId)
    {
        var channels = Channels.TryGetValue(teamId, out var list) ? list : [(teamId, null)];
        var conversations = new JsonArray([.. channels.Select(c => (JsonNode)new JsonObject { ["id"] = c.Id, ["name"] = c.Name })]);
        return Json(new JsonObject { ["conversations"] = conversations });
    }

    private HttpResponseMessage ListMembers(string teamId)
    {
        var members = Members.TryGetValue(teamId, out var list) ? list : [];
        return Json(new JsonObject { ["members"] = new JsonArray([.. members.Select(m => m.DeepClone())]) });
    }

    private HttpResponseMessage Refuse(HttpMethod method, string path)
    {
        Unexpected.Enqueue($"{method} {path}");
        return new HttpResponseMessage(HttpStatusCode.NotFound);
    }

    private string NextId() => Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static HttpResponseMessage Json(JsonNode node) => new(HttpStatusCode.OK)
    {
        Content = new StringContent(node.ToJsonString(), Encoding.UTF8, "application/json"),
    };
}
