using System.Collections.Frozen;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace SofSBot.BotFramework.Authentication;

/// <summary>
/// Bot Framework's signing keys and their endorsements, read from the OpenID metadata document at
/// <see cref="BotOptions.OpenIdMetadataUrl"/> and the JWKS it names. A singleton: the keys live in
/// memory, refreshed after <see cref="RefreshInterval"/>, and at once when a token names an unknown
/// key — but never more often than <see cref="MinimumRefreshInterval"/>, so forged <c>kid</c>s cannot
/// hammer the metadata endpoint. Concurrent callers share one fetch. While the endpoint fails, the
/// keys last fetched are served, for <see cref="MaxKeyAge"/> at most. The documents are read and
/// parsed by Microsoft.IdentityModel (<see cref="OpenIdConnectConfigurationRetriever"/>); the cache
/// policy is ours, on <see cref="TimeProvider"/> (docs/decisions/0006-signing-keys.md says
/// why not <c>ConfigurationManager</c>).
/// </summary>
internal sealed partial class BotSigningKeyCache(
    IHttpClientFactory httpClientFactory,
    IOptions<BotOptions> options,
    TimeProvider timeProvider,
    ILogger<BotSigningKeyCache> logger) : IDisposable
{
    /// <summary>The named <see cref="HttpClient"/> for the metadata and JWKS requests.</summary>
    public const string HttpClientName = "SofSBot.BotFramework.SigningKeys";

    /// <summary>Keys are rotated rarely and published ahead of use; a day keeps us current.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromHours(24);

    /// <summary>Keys that could not be refreshed for this long are no longer trusted (a stale set stops being served).</summary>
    public static readonly TimeSpan MaxKeyAge = TimeSpan.FromDays(5);

    /// <summary>The least time between two fetches, whatever the reason or outcome.</summary>
    public static readonly TimeSpan MinimumRefreshInterval = TimeSpan.FromMinutes(5);

    // One fetch at a time; a caller that waited re-checks whether the fetch it wanted already happened.
    private readonly SemaphoreSlim _fetchGate = new(1, 1);

    private KeySet? _keys;
    private DateTimeOffset? _lastFetchAttempt;

    /// <summary>The key named <paramref name="keyId"/>, or null when Bot Framework does not publish it.</summary>
    public async Task<BotSigningKey?> GetKeyAsync(string keyId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyId);

        var keys = Volatile.Read(ref _keys);
        if (keys is null || IsStale(keys))
        {
            keys = await RefreshAsync(current => current is null || IsStale(current), cancellationToken);
        }

        if (keys is not null && IsTrusted(keys) && keys.Keys.TryGetValue(keyId, out var key))
        {
            return key;
        }

        // An unknown kid may be a key rotated in since the last fetch.
        keys = await RefreshAsync(current => current is null || !IsTrusted(current) || !current.Keys.ContainsKey(keyId), cancellationToken);
        return keys is not null && IsTrusted(keys) ? keys.Keys.GetValueOrDefault(keyId) : null;
    }

    public void Dispose() => _fetchGate.Dispose();

    private bool IsStale(KeySet keys) => timeProvider.GetUtcNow() - keys.FetchedAt >= RefreshInterval;

    /// <summary>Keys last fetched <see cref="MaxKeyAge"/> ago or more may have been withdrawn meanwhile.</summary>
    private bool IsTrusted(KeySet keys) => timeProvider.GetUtcNow() - keys.FetchedAt < MaxKeyAge;

    private async Task<KeySet?> RefreshAsync(Func<KeySet?, bool> isNeeded, CancellationToken cancellationToken)
    {
        await _fetchGate.WaitAsync(cancellationToken);
        try
        {
            var current = _keys;
            var now = timeProvider.GetUtcNow();
            if (!isNeeded(current)
                || (_lastFetchAttempt is { } last && now - last < MinimumRefreshInterval))
            {
                return current;
            }

            // Counted before the fetch, so that a failing endpoint is not retried on every request.
            var previousAttempt = _lastFetchAttempt;
            _lastFetchAttempt = now;
            try
            {
                var fetched = await FetchAsync(now, cancellationToken);
                Volatile.Write(ref _keys, fetched);
                LogKeysFetched(logger, fetched.Keys.Count);
                return fetched;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The caller gave up (e.g. Teams disconnected): that says nothing about the endpoint,
                // so the next caller may fetch at once.
                _lastFetchAttempt = previousAttempt;
                throw;
            }
            catch (Exception exception)
            {
                // HTTP errors, timeouts, unreadable documents: none of them may escape as a 500 to Teams.
                // Keep serving the keys we have: a stale key set is better than refusing every call.
                LogFetchFailed(logger, exception, current is not null);
                return current;
            }
        }
        finally
        {
            _fetchGate.Release();
        }
    }

    private async Task<KeySet> FetchAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The library parses the metadata document and the JWKS it names; we fetch them, once each, over HTTPS.
        var documents = new SigningKeyDocumentRetriever(httpClientFactory.CreateClient(HttpClientName));
        var configuration = await OpenIdConnectConfigurationRetriever.GetAsync(options.Value.OpenIdMetadataUrl.AbsoluteUri, documents, cancellationToken);
        if (configuration.JsonWebKeySet?.Keys is not { } published)
        {
            throw new InvalidDataException("The OpenID metadata names no JWKS with keys.");
        }

        var keys = new Dictionary<string, BotSigningKey>(StringComparer.Ordinal);
        foreach (var jwk in published)
        {
            if (ReadKey(jwk) is { } key)
            {
                keys[key.KeyId] = key;
            }
        }

        return new KeySet(keys.ToFrozenDictionary(StringComparer.Ordinal), now);
    }

    private static BotSigningKey? ReadKey(JsonWebKey jwk)
    {
        // Only RSA signing keys can verify RS256/384/512; anything else is skipped, not trusted.
        if (string.IsNullOrEmpty(jwk.Kid)
            || !string.Equals(jwk.Kty, JsonWebAlgorithmsKeyTypes.RSA, StringComparison.Ordinal)
            || (!string.IsNullOrEmpty(jwk.Use) && !string.Equals(jwk.Use, JsonWebKeyUseNames.Sig, StringComparison.Ordinal)))
        {
            return null;
        }

        return new BotSigningKey(jwk.Kid, jwk, Endorsements(jwk));
    }

    /// <summary>The non-standard <c>endorsements</c> array, which the library keeps in the key's additional data.</summary>
    private static FrozenSet<string> Endorsements(JsonWebKey jwk)
    {
        if (!jwk.AdditionalData.TryGetValue("endorsements", out var value))
        {
            return FrozenSet<string>.Empty;
        }

        IEnumerable<string> channels = value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!),
            IEnumerable<object> list => list.OfType<string>(),
            _ => [],
        };
        return channels.ToFrozenSet(StringComparer.Ordinal);
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Fetched {KeyCount} Bot Framework signing keys")]
    private static partial void LogKeysFetched(ILogger logger, int keyCount);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Could not fetch the Bot Framework signing keys; keeping the previous keys: {HasPreviousKeys}")]
    private static partial void LogFetchFailed(ILogger logger, Exception exception, bool hasPreviousKeys);

    /// <summary>A snapshot of the published keys, replaced whole so readers never see a half update.</summary>
    private sealed record KeySet(FrozenDictionary<string, BotSigningKey> Keys, DateTimeOffset FetchedAt);
}
