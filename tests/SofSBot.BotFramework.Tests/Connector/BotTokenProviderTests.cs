using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;
using RichardSzalay.MockHttp;
using SofSBot.BotFramework.Connector;

namespace SofSBot.BotFramework.Tests.Connector;

/// <summary>
/// The cache is tested against a Moq'd <see cref="TokenCredential"/> (Azure's substitution seam): the
/// refresh policy is ours and runs on <see cref="TimeProvider"/>, while MSAL inside the real credentials
/// keeps its own cache on the wall clock, which fake time cannot move. Separate tests drive the real
/// <c>ClientSecretCredential</c> over a mocked token endpoint to prove tenant, authority and scope.
/// </summary>
public sealed class BotTokenProviderTests : IDisposable
{
    private readonly ObservableFakeTimeProvider _time = new();
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));

    private CancellationToken Ct => _timeout.Token;

    [Fact]
    public async Task The_token_is_fetched_once_for_many_calls()
    {
        var credential = new FakeCredential(call => new AccessToken($"token-{call}", _time.GetUtcNow().AddHours(1)));
        var provider = Provider(credential.Object);

        var tokens = new List<string?>();
        for (var i = 0; i < 10; i++)
        {
            tokens.Add(await provider.GetTokenAsync(Ct));
        }

        Assert.All(tokens, token => Assert.Equal("token-1", token));
        Assert.Equal(1, credential.Calls);
        Assert.Equal(["https://api.botframework.com/.default"], credential.Scopes);
    }

    [Fact]
    public async Task The_token_is_refreshed_five_minutes_before_it_expires()
    {
        var credential = new FakeCredential(call => new AccessToken($"token-{call}", _time.GetUtcNow().AddHours(1)));
        var provider = Provider(credential.Object);
        Assert.Equal("token-1", await provider.GetTokenAsync(Ct));

        _time.Advance(TimeSpan.FromMinutes(55) - TimeSpan.FromSeconds(1));
        Assert.Equal("token-1", await provider.GetTokenAsync(Ct));

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("token-2", await provider.GetTokenAsync(Ct));
        Assert.Equal("token-2", await provider.GetTokenAsync(Ct));
        Assert.Equal(2, credential.Calls);
    }

    [Fact]
    public async Task A_refresh_time_earlier_than_the_margin_is_honoured()
    {
        var credential = new FakeCredential(call =>
            new AccessToken($"token-{call}", _time.GetUtcNow().AddHours(24), refreshOn: _time.GetUtcNow().AddHours(12)));
        var provider = Provider(credential.Object);
        await provider.GetTokenAsync(Ct);

        _time.Advance(TimeSpan.FromHours(12));

        Assert.Equal("token-2", await provider.GetTokenAsync(Ct));
    }

    [Fact]
    public async Task Concurrent_callers_share_one_fetch()
    {
        var issued = new TaskCompletionSource<AccessToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        var credential = new FakeCredential(_ => new ValueTask<AccessToken>(issued.Task));
        var provider = Provider(credential.Object);

        var callers = Enumerable.Range(0, 8).Select(_ => provider.GetTokenAsync(Ct).AsTask()).ToList();
        await WaitUntil(() => credential.Calls > 0);
        issued.SetResult(new AccessToken("shared", _time.GetUtcNow().AddHours(1)));
        var tokens = await Task.WhenAll(callers);

        Assert.All(tokens, token => Assert.Equal("shared", token));
        Assert.Equal(1, credential.Calls);
    }

    [Fact]
    public async Task One_caller_giving_up_does_not_cancel_the_fetch_the_others_wait_for()
    {
        var issued = new TaskCompletionSource<AccessToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        var credential = new FakeCredential(_ => new ValueTask<AccessToken>(issued.Task));
        var provider = Provider(credential.Object);
        using var impatient = new CancellationTokenSource();

        var first = provider.GetTokenAsync(impatient.Token).AsTask();
        var second = provider.GetTokenAsync(Ct).AsTask();
        await impatient.CancelAsync();
        issued.SetResult(new AccessToken("shared", _time.GetUtcNow().AddHours(1)));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.Equal("shared", await second);
        Assert.Equal(1, credential.Calls);
    }

    [Fact]
    public async Task A_failed_fetch_is_tried_again_by_the_next_caller()
    {
        var credential = new FakeCredential(call => call == 1
            ? throw new InvalidOperationException("AADSTS7000215: Invalid client secret provided.")
            : new AccessToken("token-2", _time.GetUtcNow().AddHours(1)));
        var provider = Provider(credential.Object);

        await Assert.ThrowsAsync<InvalidOperationException>(() => provider.GetTokenAsync(Ct).AsTask());

        Assert.Equal("token-2", await provider.GetTokenAsync(Ct));
    }

    [Fact]
    public async Task An_anonymous_bot_has_no_token()
    {
        var bot = new BotOptions();
        var provider = new BotTokenProvider(bot, BotCredentialFactory.Create(bot), _time, NullLogger<BotTokenProvider>.Instance);

        Assert.Null(await provider.GetTokenAsync(Ct));
    }

    [Fact]
    public async Task A_single_tenant_bot_with_a_secret_gets_its_token_from_its_own_tenant()
    {
        using var mock = new MockHttpMessageHandler();
        var form = new List<string>();
        mock.When(HttpMethod.Post, "https://login.microsoftonline.com/11111111-1111-1111-1111-111111111111/oauth2/v2.0/token")
            .Respond(async request =>
            {
                form.Add(await request.Content!.ReadAsStringAsync());
                return TokenResponse("eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.single");
            });
        mock.Fallback.Respond(request => throw new InvalidOperationException($"Unexpected request {request.Method} {request.RequestUri}"));
        var bot = ConnectorHarness.SingleTenantBot();
        var provider = new BotTokenProvider(bot, BotCredentialFactory.Create(bot, o => o.Transport = new HttpClientTransport(mock)), _time, NullLogger<BotTokenProvider>.Instance);

        var token = await provider.GetTokenAsync(Ct);
        await provider.GetTokenAsync(Ct);

        Assert.Equal("eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.single", token);
        var body = Assert.Single(form);
        Assert.Contains("grant_type=client_credentials", body, StringComparison.Ordinal);
        Assert.Contains("client_id=00000000-0000-0000-0000-00000000b07a", body, StringComparison.Ordinal);
        Assert.Contains("scope=https%3A%2F%2Fapi.botframework.com%2F.default", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_multi_tenant_bot_gets_its_token_from_the_botframework_tenant_at_the_configured_authority()
    {
        using var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Post, "https://login.microsoftonline.us/botframework.com/oauth2/v2.0/token")
            .Respond(_ => TokenResponse("multi"));
        mock.Fallback.Respond(request => throw new InvalidOperationException($"Unexpected request {request.Method} {request.RequestUri}"));
        var bot = new BotOptions
        {
            AppId = "00000000-0000-0000-0000-00000000b07a",
            AppType = BotAppType.MultiTenant,
            ClientSecret = "not-a-real-secret",
            AuthorityHost = new Uri("https://login.microsoftonline.us"),
        };
        var provider = new BotTokenProvider(bot, BotCredentialFactory.Create(bot, o => o.Transport = new HttpClientTransport(mock)), _time, NullLogger<BotTokenProvider>.Instance);

        Assert.Equal("multi", await provider.GetTokenAsync(Ct));
    }

    [Fact]
    public void A_single_tenant_bot_without_tenant_or_secret_is_refused_with_a_clear_message()
    {
        var noTenant = ConnectorHarness.SingleTenantBot();
        noTenant.TenantId = null;
        var noSecret = ConnectorHarness.SingleTenantBot();
        noSecret.ClientSecret = null;

        Assert.Contains("Bot:TenantId", Assert.Throws<InvalidOperationException>(() => BotCredentialFactory.Create(noTenant)).Message, StringComparison.Ordinal);
        Assert.Contains("Bot:ClientSecret", Assert.Throws<InvalidOperationException>(() => BotCredentialFactory.Create(noSecret)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_managed_identity_bot_gets_a_managed_identity_credential()
    {
        var bot = new BotOptions { AppId = "00000000-0000-0000-0000-00000000b07a", ManagedIdentityClientId = "22222222-2222-2222-2222-222222222222" };

        Assert.IsType<Azure.Identity.ManagedIdentityCredential>(BotCredentialFactory.Create(bot));
    }

    public void Dispose() => _timeout.Dispose();

    private static HttpResponseMessage TokenResponse(string accessToken) => new(HttpStatusCode.OK)
    {
        Content = new StringContent(
            $$"""{"token_type":"Bearer","expires_in":3599,"ext_expires_in":3599,"access_token":"{{accessToken}}"}""",
            System.Text.Encoding.UTF8,
            "application/json"),
    };

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(5, limit.Token);
        }
    }

    private BotTokenProvider Provider(TokenCredential credential) =>
        new(ConnectorHarness.SingleTenantBot(), credential, _time, NullLogger<BotTokenProvider>.Instance);
}
