using System.Diagnostics.CodeAnalysis;
using Azure.Data.Tables;
using SofSBot.TestSupport;

namespace SofSBot.EndToEndTests.Infrastructure;

/// <summary>
/// Azurite, the real bot and the Agents Playground, started once for a test class
/// (<c>IClassFixture&lt;BotInPlaygroundFixture&gt;</c>): the bot on a free loopback port with its own
/// table prefix, the Playground on a free port with the repository's demo tenant, sending to the bot.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
public sealed class BotInPlaygroundFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly AzuriteFixture _azurite = new();
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private SofSBotApplicationFactory? _bot;
    private AgentsPlayground? _playground;
    private PlaygroundConfig? _config;

    /// <summary>
    /// The tables the bot uses are named <c>{TablePrefix}{TableName}</c>; the bot allows 21 letters
    /// and digits at most.
    /// </summary>
    public BotInPlaygroundFixture()
        : this(new Dictionary<string, string?>())
    {
    }

    /// <summary>
    /// A bot with more configuration (e.g. <c>Roles:Coordinators:0</c>). Internal: xunit wants one
    /// public constructor; a test class that needs settings uses a fixture that wraps this one
    /// (<see cref="TeamLeaderInPlaygroundFixture"/>).
    /// </summary>
    internal BotInPlaygroundFixture(IReadOnlyDictionary<string, string?> settings)
    {
        _settings = settings;
    }

    public string TablePrefix { get; } = "e2e" + Guid.NewGuid().ToString("N")[..12];

    public AgentsPlayground Playground => _playground ?? throw NotStarted();

    /// <summary>The demo tenant: users, personal chat, team and channels.</summary>
    public PlaygroundConfig Config => _config ?? throw NotStarted();

    internal HandledActivities Handled => (_bot ?? throw NotStarted()).Handled;

    /// <summary>The bot's services, to seed its stores as earlier use would have.</summary>
    internal IServiceProvider BotServices => (_bot ?? throw NotStarted()).Services;

    /// <summary>A client for the bot's storage account's blobs (export files).</summary>
    public Azure.Storage.Blobs.BlobServiceClient Blobs => _azurite.BlobServiceClient;

    /// <summary>A bot table by its unprefixed name, e.g. <c>Teams</c>.</summary>
    public TableClient Table(string name) => _azurite.TableServiceClient.GetTableClient(TablePrefix + name);

    /// <summary>The bot's last log lines and the Playground's output, for failure messages.</summary>
    public string Diagnostics() =>
        $"Bot log:{Environment.NewLine}{_bot?.Logs.Describe()}{Environment.NewLine}" +
        $"Playground output:{Environment.NewLine}{_playground?.ProcessOutput}{Environment.NewLine}" +
        $"Bot messages seen by the Playground:{Environment.NewLine}{_playground?.Output.Describe()}";

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        await _azurite.InitializeAsync();

        _bot = new SofSBotApplicationFactory(FreePort.Next(), _azurite.ConnectionString, TablePrefix, _settings);
        _bot.StartServer();

        _playground = await AgentsPlayground.StartAsync(_bot.Endpoint, cancellationToken: timeout.Token);
        _config = await _playground.GetConfigAsync(timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (_playground is not null)
        {
            await _playground.DisposeAsync();
        }

        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }

        await _azurite.DisposeAsync();
    }

    private static InvalidOperationException NotStarted() => new("The fixture has not been started.");
}
