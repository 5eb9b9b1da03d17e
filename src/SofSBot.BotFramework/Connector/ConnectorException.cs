using System.Net;

namespace SofSBot.BotFramework.Connector;

/// <summary>
/// A Bot Connector call failed for good (after any retries). The message names the operation and the
/// status only: the response body, which may echo ids or internals, goes to the logs, not here.
/// </summary>
public sealed class ConnectorException : Exception
{
    public ConnectorException()
        : base("The Bot Connector call failed.")
    {
    }

    public ConnectorException(string message)
        : base(message)
    {
    }

    public ConnectorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConnectorException(string operation, HttpStatusCode? statusCode, Exception? innerException = null)
        : base(CreateMessage(operation, statusCode), innerException)
    {
        Operation = operation;
        StatusCode = statusCode;
    }

    /// <summary>The client method that failed, e.g. <c>SendToConversation</c>.</summary>
    public string? Operation { get; }

    /// <summary>The connector's final status; null when no response came (network failure, timeout).</summary>
    public HttpStatusCode? StatusCode { get; }

    private static string CreateMessage(string operation, HttpStatusCode? statusCode) => statusCode is { } status
        ? $"The Bot Connector answered {(int)status} ({status}) to {operation}."
        : $"The Bot Connector could not be reached for {operation}.";
}
