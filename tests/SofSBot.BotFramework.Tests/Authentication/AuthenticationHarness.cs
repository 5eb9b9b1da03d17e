using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SofSBot.BotFramework.Activities;
using SofSBot.BotFramework.Authentication;

namespace SofSBot.BotFramework.Tests.Authentication;

/// <summary>
/// The real registration (<see cref="BotAuthenticationServiceCollectionExtensions.AddBotAuthentication"/>)
/// with a fake clock and <see cref="FakeBotFrameworkLogin"/> as the only thing on the network.
/// </summary>
internal sealed class AuthenticationHarness : IDisposable
{
    public const string AppId = "3f1b7c2e-58d4-4a8e-9c1d-5e6f7a8b9c0d";
    public const string Issuer = "https://api.botframework.com";
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    private readonly ServiceProvider _services;

    public AuthenticationHarness(string? appId = AppId)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<TimeProvider>(Time);
        services.AddOptions<BotOptions>()
            .Configure(options =>
            {
                options.AppId = appId;
                options.OpenIdMetadataUrl = FakeBotFrameworkLogin.MetadataUrl;
                options.TokenIssuer = Issuer;
                options.ClockSkew = TimeSpan.FromMinutes(5);
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddBotAuthentication();
        services.AddHttpClient(BotSigningKeyCache.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => Login.Handler);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Authenticator = _services.GetRequiredService<IActivityAuthenticator>();
    }

    /// <summary>Far from the real clock, so anything reading the system time fails the tests.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2031, 3, 14, 9, 0, 0, TimeSpan.Zero));

    public FakeBotFrameworkLogin Login { get; } = new();

    public CapturingLoggerProvider Logs { get; } = new();

    public IActivityAuthenticator Authenticator { get; }

    /// <summary>A token as Teams sends it right now: valid for an hour, for this bot and service.</summary>
    public TeamsToken ValidToken() => new()
    {
        Issuer = Issuer,
        Audience = AppId,
        ServiceUrl = ServiceUrl,
        NotBefore = Time.GetUtcNow().AddMinutes(-1),
        Expires = Time.GetUtcNow().AddMinutes(59),
    };

    public static Activity TeamsMessage(string channelId = "msteams", string? serviceUrl = ServiceUrl) => new()
    {
        Type = ActivityTypes.Message,
        Id = "1712345678901",
        ChannelId = channelId,
        ServiceUrl = serviceUrl,
        From = new ChannelAccount { Id = "29:1a2b3c", Name = "Anna Andersson" },
        Recipient = new ChannelAccount { Id = $"28:{AppId}", Name = "SofSBot" },
        Conversation = new ConversationAccount { Id = "19:abc@thread.tacv2" },
        Text = "hjälp",
    };

    public Task<ActivityAuthenticationResult> AuthenticateAsync(string? authorizationHeader, Activity? activity = null) =>
        Authenticator.AuthenticateAsync(authorizationHeader, activity ?? TeamsMessage(), CancellationToken.None);

    public Task<ActivityAuthenticationResult> AuthenticateBearerAsync(string token, Activity? activity = null) =>
        AuthenticateAsync($"Bearer {token}", activity);

    public void Dispose()
    {
        _services.Dispose();
        Login.Dispose();
    }
}
