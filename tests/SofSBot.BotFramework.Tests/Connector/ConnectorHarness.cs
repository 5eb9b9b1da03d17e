using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RichardSzalay.MockHttp;
using SofSBot.BotFramework.Connector;

namespace SofSBot.BotFramework.Tests.Connector;

/// <summary>
/// The real registration (<see cref="ConnectorServiceCollectionExtensions.AddBotConnector"/>) with the
/// network replaced at the primary handler, a fake clock and, when given, a substituted credential.
/// Unmatched requests fail the call, so nothing reaches the real network.
/// </summary>
internal sealed class ConnectorHarness : IDisposable
{
    public static readonly Uri ServiceUrl = new("https://smba.trafficmanager.net/emea/");

    private readonly ServiceProvider _services;

    private ConnectorHarness(BotOptions bot, TokenCredential? credential, HttpMessageHandler? primary, IDictionary<string, string?>? settings)
    {
        Mock.Fallback.Respond(request => throw new InvalidOperationException($"Unexpected request {request.Method} {request.RequestUri}"));
        Recorder = new RecordingHandler(primary ?? Mock);

        var configuration = new Dictionary<string, string?>
        {
            // Small delays keep numbers readable; tests advance fake time, never real.
            ["Bot:Connector:BaseDelay"] = "00:00:01",
            ["Bot:Connector:MaxDelay"] = "00:00:08",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build());
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton(Options.Create(bot));
        if (credential is not null)
        {
            services.AddSingleton<IBotTokenProvider>(provider => new BotTokenProvider(
                bot, credential, Time, provider.GetRequiredService<ILogger<BotTokenProvider>>()));
        }

        services.AddBotConnector();
        services.AddHttpClient(nameof(IConnectorClient)).ConfigurePrimaryHttpMessageHandler(() => Recorder);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public ObservableFakeTimeProvider Time { get; } = new();

    public MockHttpMessageHandler Mock { get; } = new();

    public RecordingHandler Recorder { get; }

    public IReadOnlyList<RecordedRequest> Requests => Recorder.Requests;

    public IServiceProvider Services => _services;

    public IConnectorClient Client => _services.GetRequiredService<IConnectorClient>();

    /// <summary>An anonymous bot (no app id), as against the Agents Playground.</summary>
    public static ConnectorHarness Anonymous(IDictionary<string, string?>? settings = null, HttpMessageHandler? primary = null) =>
        new(new BotOptions(), null, primary, settings);

    /// <summary>A single-tenant bot whose tokens come from <paramref name="credential"/>.</summary>
    public static ConnectorHarness WithCredential(TokenCredential credential, IDictionary<string, string?>? settings = null) =>
        new(SingleTenantBot(), credential, null, settings);

    public static BotOptions SingleTenantBot() => new()
    {
        AppId = "00000000-0000-0000-0000-00000000b07a",
        TenantId = "11111111-1111-1111-1111-111111111111",
        AppType = BotAppType.SingleTenant,
        ClientSecret = "not-a-real-secret",
    };

    public void Dispose()
    {
        _services.Dispose();
        Mock.Dispose();
    }
}
