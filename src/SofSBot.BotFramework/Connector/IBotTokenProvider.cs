namespace SofSBot.BotFramework.Connector;

/// <summary>The bearer token for calls to the Bot Connector.</summary>
public interface IBotTokenProvider
{
    /// <summary>
    /// A valid access token for <see cref="BotOptions.ConnectorScope"/>, from a cache when possible;
    /// null when the bot is anonymous (local development against the Agents Playground).
    /// </summary>
    ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken);
}
