using Azure.Core;
using Microsoft.Extensions.Logging;

namespace SofSBot.BotFramework.Connector;

/// <summary>
/// Caches one token per scope and refreshes it <see cref="RefreshMargin"/> before it expires (or at
/// the credential's own refresh time, when earlier). Callers that arrive while a fetch for their
/// scope runs share it, so a burst of calls costs one token request.
/// </summary>
/// <param name="credential">Null for an anonymous bot: then no token is ever fetched.</param>
internal sealed class BotAccessTokenSource(
    TokenCredential? credential,
    TimeProvider timeProvider,
    ILogger logger) : IBotAccessTokenSource
{
    /// <summary>How long before expiry a token is replaced, so none expires in flight or on a retry.</summary>
    internal static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly Lock _lock = new();

    // Per scope, the last fetch, finished or not: a completed one is the cache.
    private readonly Dictionary<string, Task<AccessToken>> _fetches = new(StringComparer.OrdinalIgnoreCase);

    public async ValueTask<string?> GetTokenAsync(string scope, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        if (credential is null)
        {
            return null;
        }

        Task<AccessToken> fetch;
        lock (_lock)
        {
            _fetches.TryGetValue(scope, out var current);
            if (current is { IsCompletedSuccessfully: true } && timeProvider.GetUtcNow() < RefreshAt(current.Result))
            {
                return current.Result.Token;
            }

            // A failed or stale fetch is replaced; a running one is shared.
            if (current is null || current.IsCompleted)
            {
                current = FetchAsync(credential, scope);
                _fetches[scope] = current;
            }

            fetch = current;
        }

        // One caller giving up must not cancel the fetch the others wait for.
        var token = await fetch.WaitAsync(cancellationToken);
        return token.Token;
    }

    private static DateTimeOffset RefreshAt(AccessToken token)
    {
        var beforeExpiry = token.ExpiresOn - RefreshMargin;
        return token.RefreshOn is { } refreshOn && refreshOn < beforeExpiry ? refreshOn : beforeExpiry;
    }

    private async Task<AccessToken> FetchAsync(TokenCredential tokenCredential, string scope)
    {
        // Leave the caller's lock before the credential runs (it may complete synchronously).
        await Task.Yield();
        try
        {
            var token = await tokenCredential.GetTokenAsync(new TokenRequestContext([scope]), CancellationToken.None);
            logger.TokenFetched(scope, token.ExpiresOn);
            return token;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.TokenFailed(exception, scope);
            throw;
        }
    }
}
