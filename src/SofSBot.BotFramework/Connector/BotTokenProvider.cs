using Azure.Core;
using Microsoft.Extensions.Logging;

namespace SofSBot.BotFramework.Connector;

/// <summary>
/// The connector token: <see cref="BotOptions.ConnectorScope"/> from the bot's token source, which
/// caches it and refreshes it <see cref="BotAccessTokenSource.RefreshMargin"/> before it expires.
/// </summary>
internal sealed class BotTokenProvider(BotOptions options, IBotAccessTokenSource tokens) : IBotTokenProvider
{
    /// <summary>A provider with a token source of its own over <paramref name="credential"/> (null for an anonymous bot).</summary>
    public BotTokenProvider(BotOptions options, TokenCredential? credential, TimeProvider timeProvider, ILogger<BotTokenProvider> logger)
        : this(options, new BotAccessTokenSource(credential, timeProvider, logger))
    {
    }

    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) =>
        tokens.GetTokenAsync(options.ConnectorScope, cancellationToken);
}
