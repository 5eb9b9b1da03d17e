using System.Net;
using SofSBot.BotFramework.Authentication;

namespace SofSBot.BotFramework.Tests.Authentication;

/// <summary>How often the signing keys are fetched, seen from inbound calls through the real registration.</summary>
public sealed class BotSigningKeyCacheTests : IClassFixture<SigningKeys>, IDisposable
{
    private readonly AuthenticationHarness _harness = new();
    private readonly TestSigningKey _currentKey;
    private readonly TestSigningKey _nextKey;
    private readonly TestSigningKey _attackerKey;

    public BotSigningKeyCacheTests(SigningKeys keys)
    {
        _currentKey = keys.Teams;
        _nextKey = keys.Next;
        _attackerKey = keys.Attacker;
        _harness.Login.Publish(_currentKey);
    }

    [Fact]
    public async Task Metadata_is_fetched_once_for_many_validations()
    {
        for (var i = 0; i < 20; i++)
        {
            _harness.Time.Advance(TimeSpan.FromMinutes(30));
            var token = _harness.Login.CreateToken(_currentKey, _harness.ValidToken());
            var result = await _harness.AuthenticateBearerAsync(token);
            Assert.True(result.Succeeded, result.FailureReason);
        }

        Assert.Equal(1, _harness.Login.MetadataFetches);
        Assert.Equal(1, _harness.Login.JwksFetches);
    }

    [Fact]
    public async Task Keys_are_fetched_again_after_the_refresh_interval()
    {
        Assert.True((await AuthenticateWithAsync(_currentKey)).Succeeded);

        _harness.Time.Advance(BotSigningKeyCache.RefreshInterval - TimeSpan.FromMinutes(1));
        Assert.True((await AuthenticateWithAsync(_currentKey)).Succeeded);
        Assert.Equal(1, _harness.Login.MetadataFetches);

        _harness.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await AuthenticateWithAsync(_currentKey)).Succeeded);
        Assert.Equal(2, _harness.Login.MetadataFetches);
        Assert.Equal(2, _harness.Login.JwksFetches);
    }

    [Fact]
    public async Task Unknown_kid_triggers_one_refresh_and_then_succeeds_when_the_key_was_rotated_in()
    {
        Assert.True((await AuthenticateWithAsync(_currentKey)).Succeeded);
        _harness.Login.Publish(_currentKey, _nextKey);
        _harness.Time.Advance(BotSigningKeyCache.MinimumRefreshInterval);

        var first = await AuthenticateWithAsync(_nextKey);
        var second = await AuthenticateWithAsync(_nextKey);

        Assert.True(first.Succeeded, first.FailureReason);
        Assert.True(second.Succeeded, second.FailureReason);
        Assert.Equal(2, _harness.Login.MetadataFetches);
        Assert.Equal(2, _harness.Login.JwksFetches);
    }

    [Fact]
    public async Task Repeated_unknown_kids_do_not_refetch_within_the_minimum_interval()
    {
        Assert.True((await AuthenticateWithAsync(_currentKey)).Succeeded);
        _harness.Time.Advance(BotSigningKeyCache.MinimumRefreshInterval);

        for (var i = 0; i < 10; i++)
        {
            var result = await AuthenticateWithAsync(_attackerKey, keyId: $"forged-{i}");
            Assert.Equal(AuthenticationFailureReasons.UnknownSigningKey, result.FailureReason);
            _harness.Time.Advance(TimeSpan.FromSeconds(20));
        }

        // The first forged kid refreshed once; the next nine, within five minutes of it, did not.
        Assert.Equal(2, _harness.Login.MetadataFetches);

        // Once the interval has passed, an unknown kid may refresh again.
        _harness.Time.Advance(BotSigningKeyCache.MinimumRefreshInterval);
        Assert.False((await AuthenticateWithAsync(_attackerKey, keyId: "forged-later")).Succeeded);
        Assert.Equal(3, _harness.Login.MetadataFetches);
    }

    [Fact]
    public async Task Key_rotated_in_just_after_a_fetch_is_found_once_the_minimum_interval_has_passed()
    {
        Assert.True((await AuthenticateWithAsync(_currentKey)).Succeeded);
        _harness.Login.Publish(_currentKey, _nextKey);

        var tooSoon = await AuthenticateWithAsync(_nextKey);
        _harness.Time.Advance(BotSigningKeyCache.MinimumRefreshInterval);
        var later = await AuthenticateWithAsync(_nextKey);

        Assert.Equal(AuthenticationFailureReasons.UnknownSigningKey, tooSoon.FailureReason);
        Assert.True(later.Succeeded, later.FailureReason);
        Assert.Equal(2, _harness.Login.MetadataFetches);
    }

    [Fact]
    public async Task Concurrent_callers_share_one_fetch()
    {
        var release = _harness.Login.HoldMetadataResponses();
        var token = _harness.Login.CreateToken(_currentKey, _harness.ValidToken());

        var calls = Enumerable.Range(0, 8).Select(_ => _harness.AuthenticateBearerAsync(token)).ToList();
        await _harness.Login.MetadataRequested.Task.WaitAsync(TimeSpan.FromSeconds(10));
        release.SetResult();
        var results = await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.All(results, result => Assert.True(result.Succeeded, result.FailureReason));
        Assert.Equal(1, _harness.Login.MetadataFetches);
        Assert.Equal(1, _harness.Login.JwksFetches);
    }

    [Fact]
    public async Task Caller_that_gives_up_during_the_fetch_does_not_delay_the_next_caller()
    {
        var release = _harness.Login.HoldMetadataResponses();
        var token = _harness.Login.CreateToken(_currentKey, _harness.ValidToken());
        using var disconnected = new CancellationTokenSource();

        var abandoned = _harness.Authenticator.AuthenticateAsync($"Bearer {token}", AuthenticationHarness.TeamsMessage(), disconnected.Token);
        await _harness.Login.MetadataRequested.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await disconnected.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned.WaitAsync(TimeSpan.FromSeconds(10)));
        release.SetResult();

        var next = await _harness.AuthenticateBearerAsync(token);

        Assert.True(next.Succeeded, next.FailureReason);
        Assert.Equal(2, _harness.Login.MetadataFetches);
    }

    [Fact]
    public async Task Failing_metadata_endpoint_refuses_calls_and_is_retried_only_after_the_minimum_interval()
    {
        _harness.Login.AnswerMetadataWith(HttpStatusCode.ServiceUnavailable);

        var whileDown = await AuthenticateWithAsync(_currentKey);
        var stillDown = await AuthenticateWithAsync(_currentKey);
        _harness.Login.AnswerMetadataWith(HttpStatusCode.OK);
        _harness.Time.Advance(BotSigningKeyCache.MinimumRefreshInterval);
        var recovered = await AuthenticateWithAsync(_currentKey);

        Assert.Equal(AuthenticationFailureReasons.UnknownSigningKey, whileDown.FailureReason);
        Assert.Equal(AuthenticationFailureReasons.UnknownSigningKey, stillDown.FailureReason);
        Assert.True(recovered.Succeeded, recovered.FailureReason);
        Assert.Equal(2, _harness.Login.MetadataFetches);
    }

    [Fact]
    public async Task Keys_already_fetched_keep_working_while_the_metadata_endpoint_fails()
    {
        Assert.True((await AuthenticateWithAsync(_currentKey)).Succeeded);
        _harness.Login.AnswerMetadataWith(HttpStatusCode.InternalServerError);

        _harness.Time.Advance(BotSigningKeyCache.RefreshInterval);
        var result = await AuthenticateWithAsync(_currentKey);

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal(2, _harness.Login.MetadataFetches);
    }

    [Fact]
    public async Task Keys_that_could_not_be_refreshed_for_five_days_are_no_longer_trusted()
    {
        Assert.True((await AuthenticateWithAsync(_currentKey)).Succeeded);
        _harness.Login.AnswerMetadataWith(HttpStatusCode.InternalServerError);

        _harness.Time.Advance(BotSigningKeyCache.MaxKeyAge - TimeSpan.FromMinutes(1));
        var almostFiveDays = await AuthenticateWithAsync(_currentKey);
        _harness.Time.Advance(TimeSpan.FromMinutes(1));
        var fiveDays = await AuthenticateWithAsync(_currentKey);
        _harness.Login.AnswerMetadataWith(HttpStatusCode.OK);
        _harness.Time.Advance(BotSigningKeyCache.MinimumRefreshInterval);
        var refreshed = await AuthenticateWithAsync(_currentKey);

        Assert.True(almostFiveDays.Succeeded, almostFiveDays.FailureReason);
        Assert.Equal(AuthenticationFailureReasons.UnknownSigningKey, fiveDays.FailureReason);
        Assert.True(refreshed.Succeeded, refreshed.FailureReason);
        Assert.Equal(TimeSpan.FromDays(5), BotSigningKeyCache.MaxKeyAge);
    }

    public void Dispose() => _harness.Dispose();

    private Task<ActivityAuthenticationResult> AuthenticateWithAsync(TestSigningKey key, string? keyId = null) =>
        _harness.AuthenticateBearerAsync(_harness.Login.CreateToken(key, _harness.ValidToken(), keyId));
}
