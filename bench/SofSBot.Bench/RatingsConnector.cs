using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace SofSBot.Bench;

/// <summary>
/// The Bot Connector for the ratings benchmark, at the HTTP boundary of the bot's own clients: the
/// team's roster (one page per 500 members), the channel list, the round card's post and its
/// replacements (counted, never throttled: the benchmark measures the bot and its storage).
/// </summary>
internal sealed class RatingsConnector(string teamId, IReadOnlyList<string> memberIds) : HttpMessageHandler
{
    public const string ServiceUrl = "https://smba.trafficmanager.net/bench/";

    private const int PageSize = 500;
    private long _nextId = 1_772_000_000;

    public int Updates => _updates;

    public ConcurrentQueue<string> Unexpected { get; } = new();

    private int _updates;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = Uri.UnescapeDataString(request.RequestUri!.AbsolutePath);
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries)[1..];
        var query = System.Web.HttpUtility.ParseQueryString(request.RequestUri.Query);
        if (request.Content is not null)
        {
            await request.Content.ReadAsStringAsync(cancellationToken);
        }

        switch (request.Method.Method, segments)
        {
            case ("PUT", ["v3", "conversations", _, "activities", var activityId]):
                Interlocked.Increment(ref _updates);
                return Json(new JsonObject { ["id"] = activityId });
            case ("POST", ["v3", "conversations"]):
                var id = NextId();
                return Json(new JsonObject { ["id"] = $"{teamId};messageid={id}", ["activityId"] = id });
            case ("POST", ["v3", "conversations", _, "activities", ..]):
                return Json(new JsonObject { ["id"] = NextId() });
            case ("GET", ["v3", "teams", var team, "conversations"]):
                return Json(new JsonObject { ["conversations"] = new JsonArray(new JsonObject { ["id"] = team }) });
            case ("GET", ["v3", "teams", var team]):
                return Json(new JsonObject { ["id"] = team, ["name"] = "Benchteam" });
            case ("GET", ["v3", "conversations", _, "pagedmembers"]):
                var start = int.TryParse(query["continuationToken"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var token) ? token : 0;
                var page = memberIds.Skip(start).Take(PageSize).Select(member => (JsonNode)new JsonObject { ["id"] = member, ["name"] = member });
                var next = start + PageSize < memberIds.Count ? (start + PageSize).ToString(CultureInfo.InvariantCulture) : null;
                return Json(new JsonObject { ["members"] = new JsonArray([.. page]), ["continuationToken"] = next });
            default:
                Unexpected.Enqueue($"{request.Method} {path}");
                return new HttpResponseMessage(HttpStatusCode.NotFound);
        }
    }

    private string NextId() => Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);

    private static HttpResponseMessage Json(JsonNode node) => new(HttpStatusCode.OK)
    {
        Content = new StringContent(node.ToJsonString(), Encoding.UTF8, "application/json"),
    };
}
