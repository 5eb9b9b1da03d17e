using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace SofSBot.Scheduling;

/// <summary>
/// The scheduler's request budget across all teams: a token bucket refilled every second. Per-channel
/// order is kept by the connector (never two posts at once into one conversation); 429s are retried
/// there too, honouring Retry-After.
/// </summary>
internal sealed class PostBudget : IDisposable
{
    private readonly TokenBucketRateLimiter _limiter;

    public PostBudget(IOptions<SchedulerOptions> options)
    {
        var perSecond = options.Value.RequestsPerSecond;
        _limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = perSecond,
            TokensPerPeriod = perSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    /// <summary>Waits for one request's worth of budget.</summary>
    public async ValueTask<IDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        var lease = await _limiter.AcquireAsync(1, cancellationToken);
        return lease;
    }

    public void Dispose() => _limiter.Dispose();
}
