using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SofSBot.TestSupport;

/// <summary>
/// The Microsoft 365 Agents Playground (Teams emulator) as a test harness: started on a free port
/// against a bot endpoint, driven through its HTTP API, with the bot's output collected from its
/// websocket (<see cref="Output"/>). See docs/agents-playground.md for what it sends and accepts.
/// </summary>
public sealed partial class AgentsPlayground : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly NodeProcess _process;
    private readonly HttpClient _http;
    private readonly string _workingDirectory;
    private PlaygroundOutputListener? _output;

    private AgentsPlayground(NodeProcess process, int port, string workingDirectory)
    {
        _process = process;
        _workingDirectory = workingDirectory;
        Port = port;
        // Its own HttpClient: the harness lives as long as the test fixture that owns it.
        _http = new HttpClient
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/"),
            // GET /_internal/v1/config first waits up to 15 s for the bot to answer a HEAD request.
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    /// <summary>The port the Playground listens on (all interfaces).</summary>
    public int Port { get; }

    /// <summary>Its web UI and API, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri Address => _http.BaseAddress!;

    /// <summary>
    /// The serviceUrl it puts in activities and where the bot sends replies. It follows the real
    /// port: <c>http://localhost:{Port}/_connector</c>.
    /// </summary>
    public Uri ServiceUrl => new($"http://localhost:{Port.ToString(CultureInfo.InvariantCulture)}/_connector");

    /// <summary>The bot's messages and updates as the web UI receives them.</summary>
    public PlaygroundOutputListener Output =>
        _output ?? throw new InvalidOperationException("The Playground has not been started.");

    /// <summary>Its full request/response log (M365_AGENTS_PLAYGROUND_LOGFILE), useful when a test fails.</summary>
    public string TrafficLogFile => Path.Combine(_workingDirectory, "playground-traffic.log");

    /// <summary>The tail of its console output.</summary>
    public string ProcessOutput => _process.Output;

    /// <summary>
    /// Starts the Playground on a free port, sending activities to <paramref name="botEndpoint"/>
    /// (e.g. <c>http://127.0.0.1:3978/api/messages</c>), with the tenant from
    /// <paramref name="configFile"/> (default: the repository's .m365agentsplayground.yml).
    /// </summary>
    public static async Task<AgentsPlayground> StartAsync(
        Uri botEndpoint,
        string? configFile = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(botEndpoint);
        configFile = Path.GetFullPath(configFile ?? RepositoryPaths.PlaygroundConfigFile);
        if (!File.Exists(configFile))
        {
            // The Playground would silently fall back to its built-in demo tenant.
            throw new FileNotFoundException("The Playground config file does not exist.", configFile);
        }

        // It writes ./devTools/… relative to its working directory; keep that out of the repository.
        var workingDirectory = Directory.CreateTempSubdirectory("sofsbot-playground-").FullName;
        var requestedPort = FreePort.Next();
        var process = NodeProcess.StartTool(
            "@microsoft/m365agentsplayground",
            "agentsplayground",
            [
                "-e", botEndpoint.AbsoluteUri,
                "-c", "msteams",
                "-p", requestedPort.ToString(CultureInfo.InvariantCulture),
                "--disable-telemetry",
            ],
            new Dictionary<string, string>
            {
                ["TEAMSAPPTESTER_BROWSER"] = "none",
                ["M365_AGENTS_PLAYGROUND_CONFIG_PATH"] = configFile,
                ["M365_AGENTS_PLAYGROUND_LOGFILE"] = Path.Combine(workingDirectory, "playground-traffic.log"),
            },
            workingDirectory);

        AgentsPlayground? playground = null;
        try
        {
            // If the port was taken in the meantime it picks a random one; the line it prints is the truth.
            var listening = await process.WaitForOutputAsync(ListeningOn(), StartTimeout, cancellationToken);
            var port = int.Parse(listening.Groups[1].Value, CultureInfo.InvariantCulture);
            playground = new AgentsPlayground(process, port, workingDirectory);
            await process.WaitForHttpAsync(new Uri(playground.Address, "_debug/ping"), StartTimeout, cancellationToken);
            playground._output = await PlaygroundOutputListener.ConnectAsync(playground.Address, cancellationToken);
            return playground;
        }
        catch
        {
            if (playground is not null)
            {
                await playground.DisposeAsync();
            }
            else
            {
                await process.DisposeAsync();
                TryDeleteDirectory(workingDirectory);
            }

            throw;
        }
    }

    /// <summary>The tenant: users, bot, personal chat, group chat, team and channels (ids included).</summary>
    public async Task<PlaygroundConfig> GetConfigAsync(CancellationToken cancellationToken = default)
    {
        using var response = await _http.GetAsync(new Uri("_internal/v1/config", UriKind.Relative), cancellationToken);
        await EnsureSuccessAsync(response, "GET /_internal/v1/config", cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(Json, cancellationToken);
        return body?["config"].Deserialize<PlaygroundConfig>(Json)
            ?? throw new InvalidOperationException("GET /_internal/v1/config returned no config.");
    }

    /// <summary>
    /// Posts a user message, as the web UI does. The Playground always sends it as the config's
    /// current user (<paramref name="fromUserId"/> is only checked for membership); use
    /// <see cref="SendCustomActivityAsync(JsonObject, CancellationToken)"/> to speak as someone else.
    /// In a channel, the bot receives it only if it is @mentioned, and it starts a thread.
    /// </summary>
    public async Task<PlaygroundMessageResult> SendMessageAsync(
        string conversationId,
        string fromUserId,
        string text,
        IReadOnlyList<PlaygroundMention>? mentions = null,
        CancellationToken cancellationToken = default)
    {
        var body = new JsonObject
        {
            ["from"] = new JsonObject { ["id"] = fromUserId },
            ["text"] = text,
            ["textFormat"] = "plain",
        };
        if (mentions is { Count: > 0 })
        {
            body["mentions"] = new JsonArray([.. mentions.Select(m => (JsonNode)new JsonObject
            {
                ["mentioned"] = new JsonObject { ["id"] = m.MentionedId },
                ["text"] = m.Text,
            })]);
        }

        var path = $"_conversation/v1/conversations/{Uri.EscapeDataString(conversationId)}/messages";
        var result = await PostAsync(path, body, cancellationToken);
        return result.Deserialize<PlaygroundMessageResult>(Json)
            ?? throw new InvalidOperationException($"POST /{path} returned no message id.");
    }

    /// <summary>
    /// Clicks an <c>Action.Execute</c> on the card <paramref name="replyToId"/> as
    /// <paramref name="fromUserId"/> (any member of the conversation) and returns the bot's invoke response.
    /// </summary>
    public async Task<PlaygroundInvokeResponse> InvokeAdaptiveCardActionAsync(
        string conversationId,
        string fromUserId,
        string replyToId,
        string verb,
        JsonNode? data = null,
        CancellationToken cancellationToken = default)
    {
        var body = new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["from"] = new JsonObject { ["id"] = fromUserId },
            ["replyToId"] = replyToId,
            ["value"] = new JsonObject
            {
                ["action"] = new JsonObject
                {
                    ["type"] = "Action.Execute",
                    ["verb"] = verb,
                    ["data"] = data?.DeepClone() ?? new JsonObject(),
                },
            },
        };
        var result = await PostAsync("_conversation/v1/invoke", body, cancellationToken);
        return new PlaygroundInvokeResponse(result["type"]?.GetValue<string>(), result["value"]?.DeepClone());
    }

    /// <summary>
    /// Clicks an <c>Action.Submit</c> on the card <paramref name="replyToId"/>; the bot receives a
    /// message activity with <paramref name="value"/>.
    /// </summary>
    public async Task SubmitAdaptiveCardAsync(
        string conversationId,
        string fromUserId,
        string replyToId,
        JsonNode value,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        var body = new JsonObject
        {
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["from"] = new JsonObject { ["id"] = fromUserId },
            ["replyToId"] = replyToId,
            ["value"] = value.DeepClone(),
        };
        await PostAsync("_conversation/v1/submit", body, cancellationToken);
    }

    /// <summary>
    /// Installs the bot where <paramref name="conversationId"/> lives (for a team: its General
    /// channel id, i.e. the team id): sends <c>installationUpdate</c> then <c>conversationUpdate</c>.
    /// Returns once the Playground has accepted the request; the activities follow asynchronously.
    /// </summary>
    public async Task InstallAsync(string conversationId, CancellationToken cancellationToken = default) =>
        await PostAsync($"_debug/conversation/{Uri.EscapeDataString(conversationId)}/installation", new JsonObject(), cancellationToken);

    /// <summary>
    /// Sends any activity to the bot verbatim (fire-and-forget on the Playground's side).
    /// <c>serviceUrl</c> and <c>channelId</c> are filled in when missing.
    /// </summary>
    public async Task SendCustomActivityAsync(JsonObject activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var copy = (JsonObject)activity.DeepClone();
        copy["serviceUrl"] ??= ServiceUrl.AbsoluteUri;
        copy["channelId"] ??= "msteams";
        await PostAsync("_internal/v1/customActivities", copy, cancellationToken);
    }

    /// <summary>Sends an activity given as JSON text; see <see cref="SendCustomActivityAsync(JsonObject, CancellationToken)"/>.</summary>
    public Task SendCustomActivityAsync(string activityJson, CancellationToken cancellationToken = default) =>
        SendCustomActivityAsync(
            JsonNode.Parse(activityJson) as JsonObject ?? throw new ArgumentException("Expected a JSON object.", nameof(activityJson)),
            cancellationToken);

    /// <summary>
    /// The activity the Playground would send for an event: <c>install</c>, <c>uninstall</c>,
    /// <c>botAdded</c>, <c>userAdded</c>, <c>botRemoved</c>, <c>userRemoved</c>, <c>channelCreated</c>,
    /// <c>channelRenamed</c>, <c>channelDeleted</c>, <c>teamRenamed</c>, <c>teamDeleted</c>. Adjust it
    /// and pass it to <see cref="SendCustomActivityAsync(JsonObject, CancellationToken)"/>.
    /// </summary>
    public async Task<JsonObject> GetCustomActivityTemplateAsync(
        string conversationId,
        string type,
        CancellationToken cancellationToken = default)
    {
        var path = $"_internal/v1/customActivities/template?conversationId={Uri.EscapeDataString(conversationId)}&type={Uri.EscapeDataString(type)}";
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        await EnsureSuccessAsync(response, $"GET /{path}", cancellationToken);
        return await response.Content.ReadFromJsonAsync<JsonObject>(Json, cancellationToken)
            ?? throw new InvalidOperationException($"GET /{path} returned nothing.");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_output is not null)
        {
            await _output.DisposeAsync();
        }

        _http.Dispose();
        await _process.DisposeAsync();
        TryDeleteDirectory(_workingDirectory);
    }

    [GeneratedRegex(@"Listening on (\d+)")]
    private static partial Regex ListeningOn();

    private static void TryDeleteDirectory(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }

    private async Task<JsonObject> PostAsync(string path, JsonObject body, CancellationToken cancellationToken)
    {
        using var content = new StringContent(body.ToJsonString(Json), Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(new Uri(path, UriKind.Relative), content, cancellationToken);
        await EnsureSuccessAsync(response, $"POST /{path}", cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return string.IsNullOrWhiteSpace(text) ? [] : JsonNode.Parse(text) as JsonObject ?? [];
    }

    private async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        throw _process.Failure($"answered {what} with HTTP {(int)response.StatusCode}: {body}");
    }
}
