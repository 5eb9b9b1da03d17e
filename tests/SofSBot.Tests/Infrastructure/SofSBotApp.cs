using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SofSBot.TestSupport;

namespace SofSBot.Tests.Infrastructure;

/// <summary>
/// The real app on a test server: real storage in Azurite (tables of its own, by prefix), the
/// Bot Connector faked at the HTTP boundary, and activities pushed through the real endpoint.
/// </summary>
internal sealed class SofSBotApp : WebApplicationFactory<Program>
{
    private readonly AzuriteFixture _azurite;
    private readonly string? _appId;
    private readonly IReadOnlyDictionary<string, string?> _settings;

    /// <param name="settings">Further configuration, e.g. <c>Roles:Coordinators:0</c>.</param>
    /// <param name="tablePrefix">Share another app's tables, as a second instance would.</param>
    /// <param name="connector">Share another app's fake connector, to see both instances' posts.</param>
    /// <param name="time">Time for the app; the system clock when null.</param>
    /// <param name="services">Replaces registrations, for what cannot run here (e.g. Microsoft Graph).</param>
    public SofSBotApp(
        AzuriteFixture azurite,
        string? appId = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        string? tablePrefix = null,
        FakeBotConnector? connector = null,
        TimeProvider? time = null,
        Action<IServiceCollection>? services = null)
    {
        _services = services;
        _azurite = azurite;
        _appId = appId;
        _settings = settings ?? new Dictionary<string, string?>();
        TablePrefix = tablePrefix ?? "t" + Guid.NewGuid().ToString("N")[..12];
        Connector = connector ?? new FakeBotConnector();
        _time = time;
    }

    private readonly TimeProvider? _time;
    private readonly Action<IServiceCollection>? _services;

    /// <summary>The pseudonym key every test app exports with (the app refuses to start without one).</summary>
    public const string TestPseudonymSecret = "test-secret-0123456789abcdef0123456789abcdef";

    public FakeBotConnector Connector { get; }

    /// <summary>The app's warnings and errors.</summary>
    public CapturedLogs Logs { get; } = new();

    public string TablePrefix { get; }

    /// <summary>Every request the app sent to Table storage (see <see cref="StorageRequestCounter"/>).</summary>
    public StorageRequestCounter StorageRequests { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Without an app id the bot runs anonymously, which it allows only in Development, as locally.
        builder.UseEnvironment(_appId is null ? "Development" : "Testing");
        builder.UseSetting("Bot:AllowAnonymous", _appId is null ? "true" : "false");
        // appsettings.Development.json asks for SofSBot's debug logs; the tests want warnings only.
        builder.UseSetting("Logging:LogLevel:SofSBot", "Warning");
        builder.UseSetting("ConnectionStrings:Tables", _azurite.ConnectionString);
        builder.UseSetting("Storage:TablePrefix", TablePrefix);
        builder.UseSetting("Bot:AppId", _appId ?? string.Empty);
        builder.UseSetting("Bot:TenantId", TeamsActivities.TenantId);
        builder.UseSetting("Bot:Connector:BaseDelay", "00:00:00.010");
        // Tests run the scheduler's passes themselves (SchedulerService.RunOnceAsync).
        builder.UseSetting("Scheduler:Enabled", "false");
        // And the period-end reminder's (PeriodEndReminder.RunOnceAsync).
        builder.UseSetting("PeriodEndReminder:Enabled", "false");
        builder.UseSetting("Export:PseudonymSecret", TestPseudonymSecret);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            services.ConfigureHttpClientDefaults(client => client.ConfigurePrimaryHttpMessageHandler(() => Connector));
            // The app's own table client, counting its requests (the connection string as configured).
            services.AddSingleton(provider =>
            {
                var clientOptions = new TableClientOptions();
                clientOptions.AddPolicy(StorageRequests, Azure.Core.HttpPipelinePosition.PerRetry);
                var storage = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<SofSBot.Storage.StorageOptions>>().Value;
                return new TableServiceClient(storage.ConnectionString, clientOptions);
            });
            if (_time is not null)
            {
                services.AddSingleton(_time);
            }

            _services?.Invoke(services);
        });
    }

    /// <summary>Posts an activity to <c>/api/messages</c> as Teams would.</summary>
    public Task<HttpResponseMessage> SendActivityAsync(JsonObject activity, string? bearerToken = null) =>
        SendActivityJsonAsync(activity.ToJsonString(), bearerToken);

    /// <summary>Posts JSON text as it is (e.g. with escapes a JsonObject cannot hold, such as a lone surrogate).</summary>
    public async Task<HttpResponseMessage> SendActivityJsonAsync(string json, string? bearerToken = null)
    {
        using var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (bearerToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        return await client.SendAsync(request);
    }

    /// <summary>Every row of one of this app's tables (empty when the table was never created).</summary>
    public async Task<IReadOnlyList<TableEntity>> ReadTableAsync(string tableName)
    {
        var table = _azurite.TableServiceClient.GetTableClient(TablePrefix + tableName);
        var rows = new List<TableEntity>();
        try
        {
            await foreach (var row in table.QueryAsync<TableEntity>())
            {
                rows.Add(row);
            }
        }
        catch (Azure.RequestFailedException exception) when (exception.Status == 404)
        {
            // Not created: nothing stored.
        }

        return rows;
    }

    /// <summary>Every row of every table of this app, by table (tables never created are not listed).</summary>
    public async Task<IReadOnlyList<(string Table, TableEntity Row)>> ReadEveryTableAsync()
    {
        var rows = new List<(string, TableEntity)>();
        await foreach (var table in _azurite.TableServiceClient.QueryAsync())
        {
            if (table.Name.StartsWith(TablePrefix, StringComparison.Ordinal))
            {
                await foreach (var row in _azurite.TableServiceClient.GetTableClient(table.Name).QueryAsync<TableEntity>())
                {
                    rows.Add((table.Name[TablePrefix.Length..], row));
                }
            }
        }

        return rows;
    }

    public T GetService<T>()
        where T : notnull => Services.GetRequiredService<T>();
}
