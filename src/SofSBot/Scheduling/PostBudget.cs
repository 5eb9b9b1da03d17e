using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace SofSBot.Scheduling;

/// <summary>
/// The scheduler's request budget across all teams: posts paced evenly at the configured rate. Per-channel
/// order is kept by the connector (never two posts at once into one conversation); 429s are retried
/// there too, honouring Retry-After.
/// </summary>
internal sealed class PostBudget : IDisposable
{
    private readonly TokenBucketRateLimiter _limiter;

    public PostBudget(IOptions<SchedulerOptions> options)
    {
        var perSecond = options.Value.RequestsPerSecond;
        // One token every 1/budget seconds and no stored burst: a bucket that refilled a whole
        // second at once let up to twice the budget through within one second (seen in the bench).
        _limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = 1,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1.0 / perSecond),
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
