using System.Reflection;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using SofSBot.BotFramework;
using SofSBot.Export;
using SofSBot.Roles;
using SofSBot.Storage;

namespace SofSBot.Hosting;

/// <summary>
/// Logs once, at start, which build runs and how it is configured — hosts, modes and counts, never
/// a secret, a connection string or a key — so that an admin reading the log knows what they look at.
/// </summary>
internal sealed partial class StartupSummary(
    IHostEnvironment environment,
    IConfiguration configuration,
    IOptions<BotOptions> bot,
    IOptions<StorageOptions> storage,
    IOptions<RolesOptions> roles,
    IOptions<ExportOptions> export,
    TableServiceClient tables,
    BlobServiceClient blobs,
    ILogger<StartupSummary> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var version = typeof(StartupSummary).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        var botMode = bot.Value.IsAnonymous ? "anonymous (local development, no app id)" : $"{bot.Value.AppType}, app id {bot.Value.AppId}";
        var storageMode = string.IsNullOrWhiteSpace(storage.Value.ConnectionString) ? "managed identity" : "connection string";
        bool pseudonymKey;
        try
        {
            pseudonymKey = export.Value.PseudonymSecret.Length > 0;
        }
        catch (OptionsValidationException)
        {
            pseudonymKey = false;
        }

        var telemetry = string.IsNullOrWhiteSpace(configuration[Telemetry.TelemetryExtensions.ConnectionStringKey]) ? "off" : "Azure Monitor";
        LogStarted(logger, version, environment.EnvironmentName, botMode, storageMode, tables.Uri.Authority, blobs.Uri.Authority,
            storage.Value.TablePrefix, roles.Value.Coordinators.Count, pseudonymKey ? "set" : "missing or invalid (exports refused)", telemetry);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "SofSBot {Version} started ({Environment}): bot {BotMode}; storage by {StorageMode}, tables at {TableHost}, blobs at {BlobHost}, prefix '{TablePrefix}'; {CoordinatorCount} coordinators; export pseudonym key {PseudonymKey}; telemetry {Telemetry}")]
    private static partial void LogStarted(ILogger logger, string version, string environment, string botMode, string storageMode, string tableHost, string blobHost, string tablePrefix, int coordinatorCount, string pseudonymKey, string telemetry);
}
