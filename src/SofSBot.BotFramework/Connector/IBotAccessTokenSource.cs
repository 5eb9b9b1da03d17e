namespace SofSBot.BotFramework.Connector;

/// <summary>
/// App-only access tokens with the bot's own identity (the credential behind <see cref="BotOptions"/>:
/// a single-tenant secret or certificate, or a user-assigned managed identity), for any resource the
/// bot is allowed to call: the Bot Connector, or Microsoft Graph with resource-specific consent.
/// </summary>
public interface IBotAccessTokenSource
{
    /// <summary>
    /// A valid access token for <paramref name="scope"/> (e.g. <c>https://graph.microsoft.com/.default</c>),
    /// from a per-scope cache when possible; null when the bot is anonymous (local development), so
    /// the caller can skip the call. A failure to get one throws and is not cached.
    /// </summary>
    ValueTask<string?> GetTokenAsync(string scope, CancellationToken cancellationToken);
}
