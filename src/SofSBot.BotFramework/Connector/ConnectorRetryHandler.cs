using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SofSBot.BotFramework.Connector;

/// <summary>
/// Retries the Bot Connector's transient answers (429, 412, 502, 504) and network failures with
/// exponential backoff and full jitter, or after the server's <c>Retry-After</c>. Written out rather
/// than taken from the standard resilience handler because Teams' rate limits call for full jitter,
/// a cap on <c>Retry-After</c>, and waits on an injected <see cref="TimeProvider"/>.
/// A POST creates something (a message, a thread), so it is retried only when the request surely
/// was not carried out: refused with 429 or 412, or the connection never opened. A 502, a 504 or a
/// connection dropped mid-request may come after Teams posted the card, and a retry would post it twice.
/// </summary>
internal sealed class ConnectorRetryHandler(
    IOptionsMonitor<ConnectorOptions> options,
    TimeProvider timeProvider,
    ILogger<ConnectorRetryHandler> logger) : DelegatingHandler
{
    internal static bool IsTransient(HttpStatusCode statusCode) => statusCode is
        HttpStatusCode.TooManyRequests or
        HttpStatusCode.PreconditionFailed or
        HttpStatusCode.BadGateway or
        HttpStatusCode.GatewayTimeout;

    /// <summary>Whether the request may be sent again after this answer.</summary>
    internal static bool MayRetry(HttpMethod method, HttpStatusCode statusCode) =>
        method == HttpMethod.Post
            ? statusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed
            : IsTransient(statusCode);

    /// <summary>Whether the request may be sent again after this failure to get an answer.</summary>
    internal static bool MayRetry(HttpMethod method, HttpRequestException exception) =>
        method != HttpMethod.Post
        || exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError;

    /// <summary>Full jitter: uniform in [0, min(max, base × 2^(retry − 1))).</summary>
    /// <param name="retry">1 for the first retry.</param>
    /// <param name="random">A number in [0, 1).</param>
    internal static TimeSpan Backoff(int retry, TimeSpan baseDelay, TimeSpan maxDelay, double random)
    {
        var ceiling = Math.Min(maxDelay.Ticks, baseDelay.Ticks * Math.Pow(2, Math.Min(retry - 1, 30)));
        return TimeSpan.FromTicks((long)(ceiling * random));
    }

    /// <summary>The server's wait, from delta-seconds or an HTTP date; null when absent.</summary>
    internal static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
        _ => null,
    };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var path = request.RequestUri?.AbsolutePath ?? string.Empty;

        // The same content goes out on every attempt, so it must be readable more than once.
        if (request.Content is not null)
        {
            await request.Content.LoadIntoBufferAsync(cancellationToken);
        }

        for (var attempt = 1; ; attempt++)
        {
            var lastAttempt = attempt >= settings.MaxAttempts;
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException exception) when (!lastAttempt && !cancellationToken.IsCancellationRequested && MayRetry(request.Method, exception))
            {
                var delay = Backoff(attempt, settings.BaseDelay, settings.MaxDelay, Random.Shared.NextDouble());
                logger.RetryingAfterException(exception, request.Method, path, attempt, delay);
                await Task.Delay(delay, timeProvider, cancellationToken);
                continue;
            }

            if (lastAttempt || !MayRetry(request.Method, response.StatusCode))
            {
                return response;
            }

            var wait = Backoff(attempt, settings.BaseDelay, settings.MaxDelay, Random.Shared.NextDouble());
            if (RetryAfter(response.Headers.RetryAfter, timeProvider.GetUtcNow()) is { } retryAfter)
            {
                if (retryAfter > settings.MaxRetryAfter)
                {
                    logger.RetryAfterTooLong(request.Method, path, retryAfter, settings.MaxRetryAfter);
                    return response;
                }

                wait = retryAfter;
            }

            logger.RetryingAfterStatus(request.Method, path, (int)response.StatusCode, attempt, wait);
            response.Dispose();
            await Task.Delay(wait, timeProvider, cancellationToken);
        }
    }
}
