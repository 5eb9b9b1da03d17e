namespace SofSBot.EndToEndTests.Infrastructure;

/// <summary>The activities the bot under test has handled, oldest first, with a way to wait for one.</summary>
internal sealed class HandledActivities
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    private readonly List<HandledActivity> _activities = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<HandledActivity> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _activities];
            }
        }
    }

    public void Add(HandledActivity activity)
    {
        lock (_gate)
        {
            _activities.Add(activity);
        }
    }

    /// <summary>How many handled activities match, e.g. to wait for one more of them later.</summary>
    public int Count(Func<HandledActivity, bool> predicate) => All.Count(predicate);

    /// <summary>Waits until at least <paramref name="count"/> handled activities match.</summary>
    public async Task WaitForCountAsync(Func<HandledActivity, bool> predicate, int count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            while (Count(predicate) < count)
            {
                await Task.Delay(PollInterval, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"The bot did not handle {count} matching activities within {timeout.TotalSeconds:0.#} s. Handled so far:{Environment.NewLine}" +
                string.Join(Environment.NewLine, All.Select(a => $"  {a.Type} {a.Name} {a.ConversationId}: {a.Text}")));
        }
    }
}
