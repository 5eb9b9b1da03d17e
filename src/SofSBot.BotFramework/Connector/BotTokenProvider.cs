using Azure.Core;
using Microsoft.Extensions.Logging;

namespace SofSBot.BotFramework.Connector;

/// <summary>
/// Caches the connector token and refreshes it <see cref="RefreshMargin"/> before it expires. Callers
/// that arrive while a fetch runs share it, so a burst of posts costs one token request.
/// </summary>
/// <param name="credential">Null for an anonymous bot: then no token is ever fetched.</param>
internal sealed class BotTokenProvider(
    BotOptions options,
    TokenCredential? credential,
    TimeProvider timeProvider,
    ILogger<BotTokenProvider> logger) : IBotTokenProvider
{
    /// <summary>How long before expiry a token is replaced, so none expires in flight or on a retry.</summary>
    internal static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly Lock _lock = new();

    // The last fetch, finished or not: a completed one is the cache.
    private Task<AccessToken>? _current;

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (credential is null)
        {
            return null;
        }

        Task<AccessToken> fetch;
        lock (_lock)
        {
            if (_current is { IsCompletedSuccessfully: true } done && timeProvider.GetUtcNow() < RefreshAt(done.Result))
            {
                return done.Result.Token;
            }

            // A failed or stale fetch is replaced; a running one is shared.
            if (_current is null || _current.IsCompleted)
            {
                _current = FetchAsync(credential);
            }

            fetch = _current;
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

    private async Task<AccessToken> FetchAsync(TokenCredential tokenCredential)
    {
        // Leave the caller's lock before the credential runs (it may complete synchronously).
        await Task.Yield();
        try
        {
            var token = await tokenCredential.GetTokenAsync(new TokenRequestContext([options.ConnectorScope]), CancellationToken.None);
            logger.ConnectorTokenFetched(token.ExpiresOn);
            return token;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.ConnectorTokenFailed(exception);
            throw;
        }
    }
}
