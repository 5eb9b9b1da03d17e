namespace SofSBot.Bench;

/// <summary>
/// When one key (a conversation, or the whole app) had requests accepted: enough to tell whether
/// another would break a sliding-window limit, and for how long. Not thread-safe; the caller locks.
/// </summary>
internal sealed class RequestLog(TimeSpan longestWindow)
{
    private readonly Queue<TimeSpan> _accepted = new();

    /// <summary>How long until a request at <paramref name="now"/> would be within every limit; null if it is now.</summary>
    public TimeSpan? WaitFor(IReadOnlyList<RateLimit> limits, TimeSpan now)
    {
        while (_accepted.TryPeek(out var oldest) && oldest <= now - longestWindow)
        {
            _accepted.Dequeue();
        }

        TimeSpan? wait = null;
        foreach (var limit in limits)
        {
            var inWindow = _accepted.Where(at => at > now - limit.Per).ToList();
            if (inWindow.Count < limit.Requests)
            {
                continue;
            }

            // The window admits one more once enough of its oldest requests have left it.
            var leaves = inWindow[inWindow.Count - limit.Requests] + limit.Per - now;
            wait = wait is { } longer && longer > leaves ? longer : leaves;
        }

        return wait;
    }

    /// <summary>The requests accepted in the last <paramref name="window"/>.</summary>
    public int CountWithin(TimeSpan window, TimeSpan now) => _accepted.Count(at => at > now - window);

    public void Add(TimeSpan now) => _accepted.Enqueue(now);
}
