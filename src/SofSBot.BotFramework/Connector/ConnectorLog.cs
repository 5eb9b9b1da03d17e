using System.Net;
using Microsoft.Extensions.Logging;

namespace SofSBot.BotFramework.Connector;

/// <summary>The connector's log messages. Tokens and activity contents are never logged.</summary>
internal static partial class ConnectorLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Debug, Message = "Fetched a token for {Scope} that expires at {ExpiresOn}.")]
    public static partial void TokenFetched(this ILogger logger, string scope, DateTimeOffset expiresOn);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Error, Message = "Could not get a token for {Scope}.")]
    public static partial void TokenFailed(this ILogger logger, Exception exception, string scope);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Not sending the bot's token to {Host} over plain HTTP.")]
    public static partial void TokenWithheldOverHttp(this ILogger logger, string host);

    [LoggerMessage(EventId = 1110, Level = LogLevel.Information, Message = "Bot Connector {Method} {Path} answered {StatusCode} on attempt {Attempt}; retrying in {Delay}.")]
    public static partial void RetryingAfterStatus(this ILogger logger, HttpMethod method, string path, int statusCode, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 1111, Level = LogLevel.Information, Message = "Bot Connector {Method} {Path} failed on attempt {Attempt}; retrying in {Delay}.")]
    public static partial void RetryingAfterException(this ILogger logger, Exception exception, HttpMethod method, string path, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 1112, Level = LogLevel.Warning, Message = "Bot Connector {Method} {Path} asked to retry after {RetryAfter}, beyond the {MaxRetryAfter} limit; giving up.")]
    public static partial void RetryAfterTooLong(this ILogger logger, HttpMethod method, string path, TimeSpan retryAfter, TimeSpan maxRetryAfter);

    [LoggerMessage(EventId = 1113, Level = LogLevel.Warning, Message = "Bot Connector {Method} {Path}: no retry {Retry}, the inbound call's time for connector calls is spent.")]
    public static partial void TurnBudgetSpent(this ILogger logger, HttpMethod method, string path, int retry);

    [LoggerMessage(EventId = 1120, Level = LogLevel.Warning, Message = "Bot Connector {Operation} failed with {StatusCode}: {Body}")]
    public static partial void CallFailed(this ILogger logger, string operation, HttpStatusCode statusCode, string body);

    [LoggerMessage(EventId = 1121, Level = LogLevel.Warning, Message = "Bot Connector {Operation} could not be completed.")]
    public static partial void CallUnreachable(this ILogger logger, Exception exception, string operation);

    [LoggerMessage(EventId = 1122, Level = LogLevel.Warning, Message = "Bot Connector {Operation} answered {StatusCode} with a body that could not be read.")]
    public static partial void UnreadableResponse(this ILogger logger, Exception exception, string operation, HttpStatusCode statusCode);
}
