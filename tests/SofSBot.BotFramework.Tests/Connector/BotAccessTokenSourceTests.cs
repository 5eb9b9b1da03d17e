using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using RichardSzalay.MockHttp;
using SofSBot.BotFramework.Connector;

namespace SofSBot.BotFramework.Tests.Connector;

/// <summary>
/// The bot's app-only tokens for any scope (the connector's, Graph's): one cache per scope over one
/// credential, against a Moq'd <see cref="TokenCredential"/> for the policy and the real
/// <c>ClientSecretCredential</c> over a mocked token endpoint for the wire.
/// </summary>
public sealed class BotAccessTokenSourceTests : IDisposable
{
    private const string GraphScope = "https://graph.microsoft.com/.default";
    private const string ConnectorScope = "https://api.botframework.com/.default";

    private readonly ObservableFakeTimeProvider _time = new();
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));

    private CancellationToken Ct => _timeout.Token;

    [Fact]
    public async Task Each_scope_has_its_own_cached_token()
    {
        var scopes = new List<string>();
        var credential = new Mock<TokenCredential>(MockBehavior.Strict);
        credential.Setup(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()))
            .Returns((TokenRequestContext context, CancellationToken _) =>
            {
                var scope = context.Scopes.Single();
                scopes.Add(scope);
                return new ValueTask<AccessToken>(new AccessToken(scope == GraphScope ? "graph" : "connector", _time.GetUtcNow().AddHours(1)));
            });
        var source = new BotAccessTokenSource(credential.Object, _time, NullLogger.Instance);

        Assert.Equal("graph", await source.GetTokenAsync(GraphScope, Ct));
        Assert.Equal("connector", await source.GetTokenAsync(ConnectorScope, Ct));
        Assert.Equal("graph", await source.GetTokenAsync(GraphScope, Ct));
        Assert.Equal("connector", await source.GetTokenAsync(ConnectorScope, Ct));

        Assert.Equal([GraphScope, ConnectorScope], scopes);
    }

    [Fact]
    public async Task A_token_is_refreshed_five_minutes_before_it_expires_and_a_failure_is_not_cached()
    {
        var credential = new FakeCredential(call => call == 2
            ? throw new InvalidOperationException("AADSTS50013")
            : new AccessToken($"token-{call}", _time.GetUtcNow().AddHours(1)));
        var source = new BotAccessTokenSource(credential.Object, _time, NullLogger.Instance);
        Assert.Equal("token-1", await source.GetTokenAsync(GraphScope, Ct));

        _time.Advance(TimeSpan.FromMinutes(55));

        await Assert.ThrowsAsync<InvalidOperationException>(() => source.GetTokenAsync(GraphScope, Ct).AsTask());
        Assert.Equal("token-3", await source.GetTokenAsync(GraphScope, Ct));
        Assert.Equal(3, credential.Calls);
    }

    [Fact]
    public async Task An_anonymous_bot_has_no_token_for_any_scope()
    {
        var source = new BotAccessTokenSource(null, _time, NullLogger.Instance);

        Assert.Null(await source.GetTokenAsync(GraphScope, Ct));
    }

    [Fact]
    public async Task A_single_tenant_bot_asks_its_own_tenant_for_a_graph_token()
    {
        using var mock = new MockHttpMessageHandler();
        var form = new List<string>();
        mock.When(HttpMethod.Post, "https://login.microsoftonline.com/11111111-1111-1111-1111-111111111111/oauth2/v2.0/token")
            .Respond(async request =>
            {
                form.Add(await request.Content!.ReadAsStringAsync());
                return TokenResponse("graph-token");
            });
        mock.Fallback.Respond(request => throw new InvalidOperationException($"Unexpected request {request.Method} {request.RequestUri}"));
        var bot = ConnectorHarness.SingleTenantBot();
        var source = new BotAccessTokenSource(BotCredentialFactory.Create(bot, o => o.Transport = new HttpClientTransport(mock)), _time, NullLogger.Instance);

        Assert.Equal("graph-token", await source.GetTokenAsync(GraphScope, Ct));

        var body = Assert.Single(form);
        Assert.Contains("grant_type=client_credentials", body, StringComparison.Ordinal);
        Assert.Contains("scope=https%3A%2F%2Fgraph.microsoft.com%2F.default", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_connector_token_comes_from_the_registered_token_source()
    {
        var source = new Mock<IBotAccessTokenSource>(MockBehavior.Strict);
        source.Setup(s => s.GetTokenAsync(ConnectorScope, It.IsAny<CancellationToken>())).ReturnsAsync("from-source");
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton(Options.Create(new BotOptions()));
        services.AddSingleton(source.Object);
        services.AddBotConnector();
        await using var provider = services.BuildServiceProvider();

        var token = await provider.GetRequiredService<IBotTokenProvider>().GetTokenAsync(Ct);

        Assert.Equal("from-source", token);
    }

    public void Dispose() => _timeout.Dispose();

    private static HttpResponseMessage TokenResponse(string accessToken) => new(HttpStatusCode.OK)
    {
        Content = new StringContent(
            $$"""{"token_type":"Bearer","expires_in":3599,"ext_expires_in":3599,"access_token":"{{accessToken}}"}""",
            System.Text.Encoding.UTF8,
            "application/json"),
    };
}
