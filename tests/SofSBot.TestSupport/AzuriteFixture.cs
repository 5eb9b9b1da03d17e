using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Xunit;

namespace SofSBot.TestSupport;

/// <summary>
/// Azurite's table and blob services (one process, in memory), each on a free loopback port — one per
/// fixture instance. Share one across test classes with <c>[Collection(AzuriteCollection.Name)]</c>;
/// keep tests apart with <see cref="NewTableName"/> (every test its own tables) rather than by
/// cleaning up. Azurite's queue service runs too (it cannot be left out) on a third port.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>Azurite's well-known development account, published in Azurite's documentation.</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>The well-known development account key (not a secret).</summary>
    public const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private const int MaxStartAttempts = 5;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private NodeProcess? _process;
    private TableServiceClient? _tableServiceClient;
    private BlobServiceClient? _blobServiceClient;

    /// <summary>The port Azurite's table service listens on (127.0.0.1).</summary>
    public int Port { get; private set; }

    /// <summary>The port Azurite's blob service listens on (127.0.0.1).</summary>
    public int BlobPort { get; private set; }

    /// <summary>
    /// A connection string naming both endpoints, for Azure.Data.Tables and Azure.Storage.Blobs (what
    /// the bot reads from <c>ConnectionStrings:Tables</c>).
    /// </summary>
    public string ConnectionString => string.Create(
        CultureInfo.InvariantCulture,
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};TableEndpoint=http://127.0.0.1:{Port}/{AccountName};");

    /// <summary>A blob client for the whole (emulated) account.</summary>
    public BlobServiceClient BlobServiceClient =>
        _blobServiceClient ?? throw new InvalidOperationException("Azurite has not been started (InitializeAsync).");

    /// <summary>A client for the whole (emulated) account.</summary>
    public TableServiceClient TableServiceClient =>
        _tableServiceClient ?? throw new InvalidOperationException("Azurite has not been started (InitializeAsync).");

    /// <summary>The tail of Azurite's output, for diagnostics.</summary>
    public string Output => _process?.Output ?? string.Empty;

    /// <summary>
    /// A table name no other test uses: the prefix (letters and digits, starting with a letter)
    /// plus a random suffix, within Azure's 63-character limit.
    /// </summary>
    public static string NewTableName(string prefix = "t")
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        if (!char.IsAsciiLetter(prefix[0]) || !prefix.All(char.IsAsciiLetterOrDigit) || prefix.Length > 31)
        {
            throw new ArgumentException("Use 1-31 ASCII letters or digits, starting with a letter.", nameof(prefix));
        }

        return prefix + Guid.NewGuid().ToString("N");
    }

    /// <summary>Creates a table with a fresh name (see <see cref="NewTableName"/>) and returns its client.</summary>
    public async Task<TableClient> CreateTableAsync(string prefix = "t", CancellationToken cancellationToken = default)
    {
        var table = TableServiceClient.GetTableClient(NewTableName(prefix));
        await table.CreateIfNotExistsAsync(cancellationToken);
        return table;
    }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        // A port picked free can be taken by another test process before Azurite binds it: start
        // again on new ports then (Azurite exits with EADDRINUSE).
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StartAsync();
                break;
            }
            catch (InvalidOperationException exception) when (attempt < MaxStartAttempts && exception.Message.Contains("EADDRINUSE", StringComparison.Ordinal))
            {
                await DisposeAsync();
            }
        }

        _tableServiceClient = new TableServiceClient(ConnectionString);
        _blobServiceClient = new BlobServiceClient(ConnectionString);
    }

    private async Task StartAsync()
    {
        Port = FreePort.Next();
        BlobPort = FreePort.Next();
        var queuePort = FreePort.Next();
        _process = NodeProcess.StartTool(
            "azurite",
            "azurite",
            [
                "--tableHost", "127.0.0.1",
                "--tablePort", Port.ToString(CultureInfo.InvariantCulture),
                "--blobHost", "127.0.0.1",
                "--blobPort", BlobPort.ToString(CultureInfo.InvariantCulture),
                "--queueHost", "127.0.0.1",
                "--queuePort", queuePort.ToString(CultureInfo.InvariantCulture),
                "--inMemoryPersistence",
                // Azure.Storage.Blobs 12.30 speaks a newer service version (2026-10-06) than Azurite 3.37 knows.
                "--skipApiVersionCheck",
                "--disableTelemetry",
                "--silent",
            ]);
        await _process.WaitForTcpPortAsync(Port, StartTimeout, CancellationToken.None);
        await _process.WaitForTcpPortAsync(BlobPort, StartTimeout, CancellationToken.None);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
            _process = null;
        }
    }
}
