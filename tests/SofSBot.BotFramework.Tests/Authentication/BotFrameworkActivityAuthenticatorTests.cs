using Microsoft.IdentityModel.Tokens;
using SofSBot.BotFramework.Authentication;

namespace SofSBot.BotFramework.Tests.Authentication;

public sealed class BotFrameworkActivityAuthenticatorTests : IClassFixture<SigningKeys>, IDisposable
{
    private readonly AuthenticationHarness _harness = new();
    private readonly TestSigningKey _teamsKey;
    private readonly TestSigningKey _otherChannelKey;
    private readonly TestSigningKey _attackerKey;

    public BotFrameworkActivityAuthenticatorTests(SigningKeys keys)
    {
        _teamsKey = keys.Teams;
        _otherChannelKey = keys.OtherChannel;
        _attackerKey = keys.Attacker;
        _harness.Login.Publish(_teamsKey, _otherChannelKey);
    }

    [Theory]
    [InlineData(SecurityAlgorithms.RsaSha256)]
    [InlineData(SecurityAlgorithms.RsaSha384)]
    [InlineData(SecurityAlgorithms.RsaSha512)]
    public async Task Valid_Teams_token_is_accepted(string algorithm)
    {
        var token = _harness.Login.CreateToken(_teamsKey, _harness.ValidToken() with { Algorithm = algorithm });

        var result = await _harness.AuthenticateBearerAsync(token);

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Null(result.FailureReason);
        Assert.NotNull(result.Identity);
        Assert.True(result.Identity.IsAuthenticated);
        Assert.Equal(AuthenticationHarness.ServiceUrl, result.Identity.FindFirst("serviceurl")?.Value);
        Assert.Equal(AuthenticationHarness.AppId, result.Identity.FindFirst("aud")?.Value);
    }

    [Theory]
    [InlineData("https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/")]
    [InlineData("https://api.botframework.com/")]
    [InlineData("https://API.botframework.com")]
    [InlineData("https://api.botframework.com.evil.example")]
    public async Task Token_from_another_issuer_is_refused(string issuer)
    {
        var token = _harness.Login.CreateToken(_teamsKey, _harness.ValidToken() with { Issuer = issuer });

        var result = await _harness.AuthenticateBearerAsync(token);

        AssertRefused(AuthenticationFailureReasons.InvalidIssuer, result);
    }

    [Fact]
    public async Task Token_with_wrong_audience_is_refused()
    {
        var token = _harness.Login.CreateToken(_teamsKey, _harness.ValidToken() with { Audience = "0d9c8b7a-6f5e-4d1c-9e8a-4d85e2c7b1f3" });

        var result = await _harness.AuthenticateBearerAsync(token);

        AssertRefused(AuthenticationFailureReasons.InvalidAudience, result);
    }

    [Fact]
    public async Task Token_expired_beyond_the_clock_skew_is_refused()
    {
        var now = _harness.Time.GetUtcNow();
        var token = _harness.Login.CreateToken(_teamsKey, _harness.ValidToken() with
        {
            NotBefore = now.AddHours(-1),
            Expires = now.AddMinutes(-6),
        });

        var result = await _harness.AuthenticateBearerAsync(token);

        AssertRefused(AuthenticationFailureReasons.Expired, result);
    }

    [Fact]
    public async Task Token_that_expires_while_the_clock_runs_is_refused()
    {
        var token = _harness.Login.CreateToken(_teamsKey, _harness.ValidToken());
        Assert.True((await _harness.AuthenticateBearerAsync(token)).Succeeded);

        // 59 minutes of validity left, plus 5 minutes of skew.
        _harness.Time.Advance(TimeSpan.FromMinutes(65));

        AssertRefused(AuthenticationFailureReasons.Expired, await _harness.AuthenticateBearerAsync(token));
    }

    [Fact]
    public async Task Token_expired_within_the_clock_skew_is_accepted()
    {
        var now = _harness.Time.GetUtcNow();
        var token = _harness.Login.CreateToken(_teamsKey, _harness.ValidToken() with
        {
            NotBefore = now.AddHours(-1),
            Expires = now.AddMinutes(-4),
        });

        var result = await _harness.AuthenticateBearerAsync(token);

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task Token_not_yet_valid_beyond_the_clock_skew_is_refused()
    {
        var now = _harness.Time.GetUtcNow();
        var token = _harness.Login.CreateToken(_teamsKey, _harness.ValidToken() with
        {
            NotBefore = now.AddMinutes(6),
            Expires = now.AddHours(1),
        });

        var result = await _harness.AuthenticateBearerAsync(token);

        AssertRefused(AuthenticationFailureReasons.NotYetValid, result);
    }

    [Fact]
    public async Task Token_valid_from_within_the_clock_skew_is_accepted()
    {
        var now = _harness.Time.GetUtcNow();
        var token = _harness.Login.CreateToken(_teamsKey, _harness.ValidToken() with
        {
            NotBefore = now.AddMinutes(4),
            Expires = now.AddHours(1),
        });

        var result = await _harness.AuthenticateBearerAsync(token);

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task Unsigned_token_with_alg_none_is_refused()
    {
        var token = FakeBotFrameworkLogin.CreateUnsignedToken(_teamsKey.KeyId, _harness.ValidToken());

        var result = await _harness.AuthenticateBearerAsync(token);

        AssertRefused(AuthenticationFailureReasons.AlgorithmNotAllowed, result);
    }

    [Fact]
    public async Task Token_signed_with_HMAC_under_a_published_kid_is_refused()
    {
        var token = _harness.Login.CreateHmacToken(_teamsKey.KeyId, _harness.ValidToken());

        var result = await _harness.AuthenticateBearerAsync(token);

        AssertRefused(AuthenticationFailureReasons.AlgorithmNotAllowed, result);
        Assert.Equal(0, _harness.Login.MetadataFetches);
    }

    [Fact]
    public async Task Token_signed_by_an_unknown_key_is_refused()
    {
        var token = _harness.Login.CreateToken(_attackerKey, _harness.ValidToken());

        var result = await _harness.AuthenticateBearerAsync(token);

        AssertRefused(AuthenticationFailureReasons.UnknownSigningKey, result);
    }

    [Fact]
    public async Task Token_naming_a_published_kid_but_signed_by_another_key_is_refused()
    {
        // The attacker copies the kid of a real key into a token signed with their own.
        var token = _harness.Login.CreateToken(_attackerKey, _harness.ValidToken(), keyId: _teamsKey.KeyId);

        var result = await _harness.AuthenticateBearerAsync(token);

        AssertRefused(AuthenticationFailureReasons.InvalidSignature, result);
    }

    [Fact]
    public async Task Token_signed_by_a_key_not_endorsed_for_the_channel_is_refused()
    {
        var token = _harness.Login.CreateToken(_otherChannelKey, _harness.ValidToken());

        var refused = await _harness.AuthenticateBearerAsync(token);

        AssertRefused(AuthenticationFailureReasons.KeyNotEndorsed, refused);
        // The same token passes for a channel the key does endorse: only the endorsement was wrong.
        var accepted = await _harness.AuthenticateBearerAsync(token, AuthenticationHarness.TeamsMessage(channelId: "emulator"));
        Assert.True(accepted.Succeeded, accepted.FailureReason);
    }

    [Fact]
    public async Task Token_for_another_service_url_is_refused()
    {
        var token = _harness.Login.CreateToken(_teamsKey, _harness.ValidToken() with { ServiceUrl = "https://smba.trafficmanager.net/amer/" });

        var result = await _harness.AuthenticateBearerAsync(token);

        AssertRefused(AuthenticationFailureReasons.ServiceUrlMismatch, result);
    }

    [Fact]
    public async Task Service_url_is_compared_case_insensitively()
    {
        var token = _harness.Login.CreateToken(_teamsKey, _harness.ValidToken() with { ServiceUrl = "HTTPS://SMBA.TrafficManager.net/EMEA/" });

        var result = await _harness.AuthenticateBearerAsync(token);

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task Token_without_serviceurl_claim_is_refused()
    {
        var token = _harness.Login.CreateToken(_teamsKey, _harness.ValidToken() with { ServiceUrl = null });

        var result = await _harness.AuthenticateBearerAsync(token);

        AssertRefused(AuthenticationFailureReasons.MissingServiceUrlClaim, result);
    }

    [Fact]
    public async Task Activity_without_service_url_is_refused()
    {
        var token = _harness.Login.CreateToken(_teamsKey, _harness.ValidToken());

        var result = await _harness.AuthenticateBearerAsync(token, AuthenticationHarness.TeamsMessage(serviceUrl: null));

        AssertRefused(AuthenticationFailureReasons.MissingServiceUrl, result);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Request_without_authorization_header_is_refused(string? header)
    {
        var result = await _harness.AuthenticateAsync(header);

        AssertRefused(AuthenticationFailureReasons.MissingHeader, result);
    }

    [Theory]
    [InlineData("Basic")]
    [InlineData("Negotiate")]
    [InlineData("Bearerx")]
    public async Task Non_bearer_scheme_is_refused(string scheme)
    {
        var token = _harness.Login.CreateToken(_teamsKey, _harness.ValidToken());

        var result = await _harness.AuthenticateAsync($"{scheme} {token}");

        AssertRefused(AuthenticationFailureReasons.NotBearer, result);
    }

    [Fact]
    public async Task Bearer_header_without_a_token_is_refused()
    {
        var result = await _harness.AuthenticateAsync("Bearer ");

        Assert.False(result.Succeeded);
        Assert.NotNull(result.FailureReason);
    }

    [Fact]
    public async Task Bearer_scheme_is_matched_case_insensitively()
    {
        var token = _harness.Login.CreateToken(_teamsKey, _harness.ValidToken());

        var result = await _harness.AuthenticateAsync($"bearer {token}");

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln")]
    [InlineData("....")]
    public async Task Garbage_token_is_refused(string garbage)
    {
        var result = await _harness.AuthenticateBearerAsync(garbage);

        AssertRefused(AuthenticationFailureReasons.MalformedToken, result);
        Assert.Equal(0, _harness.Login.MetadataFetches);
    }

    [Fact]
    public async Task Refusal_is_logged_without_the_token()
    {
        var token = _harness.Login.CreateToken(_teamsKey, _harness.ValidToken() with { Audience = "someone-else" });

        var result = await _harness.AuthenticateBearerAsync(token);

        Assert.False(result.Succeeded);
        Assert.Contains(_harness.Logs.Lines, line => line.Contains(AuthenticationFailureReasons.InvalidAudience, StringComparison.Ordinal));
        var signature = token[(token.LastIndexOf('.') + 1)..];
        Assert.DoesNotContain(_harness.Logs.Lines, line => line.Contains(signature, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Anonymous_mode_accepts_a_call_without_a_header()
    {
        using var anonymous = new AuthenticationHarness(appId: null);

        var withoutHeader = await anonymous.AuthenticateAsync(null);
        var withGarbage = await anonymous.AuthenticateAsync("Bearer not-a-jwt");

        Assert.Same(ActivityAuthenticationResult.Anonymous, withoutHeader);
        Assert.Same(ActivityAuthenticationResult.Anonymous, withGarbage);
        Assert.Equal(0, anonymous.Login.MetadataFetches);
    }

    [Fact]
    public async Task Configured_app_id_never_falls_back_to_anonymous()
    {
        var result = await _harness.AuthenticateAsync(null);

        Assert.NotSame(ActivityAuthenticationResult.Anonymous, result);
        Assert.False(result.Succeeded);
    }

    public void Dispose() => _harness.Dispose();

    private static void AssertRefused(string expectedReason, ActivityAuthenticationResult result)
    {
        Assert.False(result.Succeeded);
        Assert.Null(result.Identity);
        Assert.Equal(expectedReason, result.FailureReason);
    }
}
