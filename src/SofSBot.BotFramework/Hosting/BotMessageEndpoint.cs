using System.Buffers;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SofSBot.BotFramework.Activities;
using SofSBot.BotFramework.Authentication;
using SofSBot.BotFramework.Connector;

namespace SofSBot.BotFramework.Hosting;

/// <summary>
/// <c>POST /api/messages</c>: reads one activity within a size limit, checks that it is well formed
/// (<see cref="ActivityBoundary"/>), authenticates it, checks that it comes from Teams in an allowed
/// tenant (<see cref="ActivityOrigin"/>), hands it to the application and returns the invoke response.
/// Bad input is answered with a status code and causes nothing; an application failure is logged and
/// answered with 500, never with exception text. The connector calls of a turn share one time budget
/// (<see cref="ConnectorTurnBudget"/>), so an unreachable connector cannot hold the answer.
/// </summary>
internal sealed partial class BotMessageEndpoint(
    IActivityAuthenticator authenticator,
    IActivityHandler handler,
    IConnectorClient connector,
    IOptions<BotOptions> botOptions,
    IOptions<BotEndpointOptions> endpointOptions,
    IOptions<ConnectorOptions> connectorOptions,
    TimeProvider timeProvider,
    ILogger<BotMessageEndpoint> logger)
{
    public async Task<IResult> HandleAsync(HttpContext http)
    {
        var cancellationToken = http.RequestAborted;
        var anonymous = botOptions.Value.IsAnonymous;

        if (anonymous && !IsLoopback(http.Connection.RemoteIpAddress))
        {
            // Without an app id nobody is authenticated, so only this machine may talk to the bot.
            LogRemoteCallRefused(http.Connection.RemoteIpAddress?.ToString());
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        var authorization = http.Request.Headers.Authorization.ToString();
        if (!anonymous && !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            LogUnauthenticated("no bearer token");
            return Results.Unauthorized();
        }

        if (!IsJson(http.Request.ContentType))
        {
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        var maxBytes = endpointOptions.Value.MaxActivityBytes;
        if (http.Request.ContentLength > maxBytes)
        {
            LogTooLarge(http.Request.ContentLength.Value, maxBytes);
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var body = await ReadBodyAsync(http.Request.Body, maxBytes, cancellationToken);
        if (body is null)
        {
            LogTooLarge(-1, maxBytes);
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        // Before deserializing: System.Text.Json throws on a lone surrogate in a string it unescapes.
        if (ActivityBoundary.FindInvalidText(body) is { } invalidText)
        {
            LogMalformed(invalidText);
            return Results.BadRequest();
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body, BotJson.Options);
        }
        catch (JsonException)
        {
            LogMalformed("invalid JSON");
            return Results.BadRequest();
        }

        if ((Validate(activity) ?? ActivityBoundary.FindUnsafeId(activity!)) is { } problem)
        {
            LogMalformed(problem);
            return Results.BadRequest();
        }

        var authentication = await authenticator.AuthenticateAsync(authorization, activity!, cancellationToken);
        if (!authentication.Succeeded)
        {
            LogUnauthenticated(authentication.FailureReason ?? "rejected");
            return Results.Unauthorized();
        }

        if (ActivityOrigin.FindRefusal(activity!, botOptions.Value) is { } refusal)
        {
            LogForbidden(refusal);
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        using var budget = ConnectorTurnBudget.Begin(timeProvider.GetUtcNow() + connectorOptions.Value.TurnBudget);
        try
        {
            var response = await handler.OnTurnAsync(new TurnContext(activity!, connector), cancellationToken);
            if (response is null)
            {
                return Results.Ok();
            }

            return response.Body is null
                ? Results.StatusCode(response.Status)
                : Results.Json(response.Body, BotJson.Options, statusCode: response.Status);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Results.StatusCode(499);
        }
#pragma warning disable CA1031 // The endpoint is the last line: nothing an activity does may crash the process.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogTurnFailed(exception, activity!.Type, activity.Id);
            return Results.StatusCode(StatusCodes.Status500InternalServerError);
        }
    }

    private static string? Validate(Activity? activity)
    {
        if (activity is null)
        {
            return "empty body";
        }

        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return "no type";
        }

        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl)
            || (serviceUrl.Scheme != Uri.UriSchemeHttps && serviceUrl.Scheme != Uri.UriSchemeHttp))
        {
            return "no valid serviceUrl";
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return "no conversation";
        }

        return null;
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null
        && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || contentType.Contains("+json", StringComparison.OrdinalIgnoreCase));

    // The test server reports no remote address; it is in-process and therefore local.
    private static bool IsLoopback(IPAddress? address) => address is null || IPAddress.IsLoopback(address);

    /// <summary>Reads at most <paramref name="maxBytes"/>; null when the body is longer.</summary>
    private static async Task<byte[]?> ReadBodyAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(maxBytes + 1);
        try
        {
            var total = 0;
            int read;
            while ((read = await body.ReadAsync(buffer.AsMemory(total, maxBytes + 1 - total), cancellationToken)) > 0)
            {
                total += read;
                if (total > maxBytes)
                {
                    return null;
                }
            }

            return buffer.AsSpan(0, total).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an activity: not authenticated ({Reason})")]
    private partial void LogUnauthenticated(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an activity: {Reason}")]
    private partial void LogForbidden(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a malformed activity: {Problem}")]
    private partial void LogMalformed(string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an activity of {Length} bytes; the limit is {Limit}")]
    private partial void LogTooLarge(long length, int limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a call from {Address}: anonymous mode accepts loopback only")]
    private partial void LogRemoteCallRefused(string? address);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling a {ActivityType} activity {ActivityId} failed")]
    private partial void LogTurnFailed(Exception exception, string? activityType, string? activityId);
}
