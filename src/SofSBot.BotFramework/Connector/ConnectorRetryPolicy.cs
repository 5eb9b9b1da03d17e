using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace SofSBot.BotFramework.Connector;

/// <summary>
/// What the connector client retries, through the resilience library's retry strategy: the Bot
/// Connector's transient answers (429, 412, 502, 504) and network failures, after the server's
/// <c>Retry-After</c> or an exponential backoff with full jitter (Teams' rate limits call for it),
/// waiting on the injected <see cref="TimeProvider"/>. A POST creates something (a message, a thread),
/// so it is retried only when the request surely was not carried out: refused with 429 or 412, or the
/// connection never opened. A 502, a 504 or a connection dropped mid-request may come after Teams
/// posted the card, and a retry would post it twice. Within an inbound turn no retry starts that could
/// not end before the turn's deadline (<see cref="ConnectorTurnBudget"/>).
/// </summary>
internal static class ConnectorRetryPolicy
{
    private static readonly ResiliencePropertyKey<TimeSpan> WaitKey = new("SofSBot.Connector.Wait");

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

    /// <summary>Adds the retry strategy to the connector's pipeline (nothing when one attempt is configured).</summary>
    public static void AddTo(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ConnectorOptions settings, TimeProvider timeProvider, ILogger logger)
    {
        pipeline.TimeProvider = timeProvider;
        if (settings.MaxAttempts <= 1)
        {
            return;
        }

        pipeline.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = settings.MaxAttempts - 1,
            ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, args.AttemptNumber + 1, settings, timeProvider, logger)),
            DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(args.Context.Properties.GetValue(WaitKey, TimeSpan.Zero)),
            OnRetry = args =>
            {
                var request = args.Context.GetRequestMessage();
                var method = request?.Method ?? HttpMethod.Get;
                var path = request?.RequestUri?.AbsolutePath ?? string.Empty;
                if (args.Outcome.Exception is { } exception)
                {
                    logger.RetryingAfterException(exception, method, path, args.AttemptNumber + 1, args.RetryDelay);
                }
                else
                {
                    logger.RetryingAfterStatus(method, path, (int)args.Outcome.Result!.StatusCode, args.AttemptNumber + 1, args.RetryDelay);
                }

                return default;
            },
        });
    }

    /// <summary>Decides on a retry and, when there is one, how long to wait first (kept in the context for the delay).</summary>
    private static bool ShouldRetry(
        Outcome<HttpResponseMessage> outcome, ResilienceContext context, int retry, ConnectorOptions settings, TimeProvider timeProvider, ILogger logger)
    {
        var request = context.GetRequestMessage();
        if (request is null || context.CancellationToken.IsCancellationRequested)
        {
            return false;
        }

        var method = request.Method;
        var path = request.RequestUri?.AbsolutePath ?? string.Empty;
        var wait = Backoff(retry, settings.BaseDelay, settings.MaxDelay, Random.Shared.NextDouble());
        switch (outcome)
        {
            case { Exception: HttpRequestException exception } when MayRetry(method, exception):
                break;
            case { Result: { } response } when MayRetry(method, response.StatusCode):
                if (RetryAfter(response.Headers.RetryAfter, timeProvider.GetUtcNow()) is { } retryAfter)
                {
                    if (retryAfter > settings.MaxRetryAfter)
                    {
                        logger.RetryAfterTooLong(method, path, retryAfter, settings.MaxRetryAfter);
                        return false;
                    }

                    wait = retryAfter;
                }

                break;
            default:
                return false;
        }

        if (ConnectorTurnBudget.Remaining(timeProvider) is { } remaining && wait >= remaining)
        {
            logger.TurnBudgetSpent(method, path, retry);
            return false;
        }

        context.Properties.Set(WaitKey, wait);
        return true;
    }
}
