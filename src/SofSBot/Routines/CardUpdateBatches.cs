namespace SofSBot.Routines;

/// <summary>
/// Joins replacements of one card that are asked for while one is under way: every request waits for
/// the next replacement that starts after it (which reads storage then, so it shows that request's
/// change), and one replacement serves all requests that arrived meanwhile. Without this, a thousand
/// members answering at once would queue a thousand replacements of the same card one after another.
/// Across instances <see cref="SharedCardUpdater"/>'s version check still makes the last change show.
/// </summary>
internal sealed class CardUpdateBatches
{
    private readonly Dictionary<string, CardBatches> _byCard = new(StringComparer.Ordinal);

    /// <summary>Returns once a replacement that started after this call has finished.</summary>
    /// <param name="replace">Replaces the card; runs for many callers, so it gets no caller's token and must not throw.</param>
    public Task ReplaceAsync(string cardKey, Func<Task> replace, CancellationToken cancellationToken)
    {
        TaskCompletionSource batch;
        var startNow = false;
        lock (_byCard)
        {
            if (!_byCard.TryGetValue(cardKey, out var card))
            {
                card = new CardBatches();
                _byCard[cardKey] = card;
            }

            card.Waiting ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            batch = card.Waiting;
            if (!card.Running)
            {
                card.Running = true;
                startNow = true;
            }
        }

        if (startNow)
        {
            // The loop serves every caller, so it must not inherit the starting turn's ambient state:
            // above all not its connector budget (ConnectorTurnBudget), which would cut short the
            // replacements that later callers, or an erasure, wait for once that turn's time is spent.
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Run(() => RunAsync(cardKey, replace), CancellationToken.None);
            }
        }

        return batch.Task.WaitAsync(cancellationToken);
    }

    private async Task RunAsync(string cardKey, Func<Task> replace)
    {
        while (true)
        {
            TaskCompletionSource batch;
            lock (_byCard)
            {
                var card = _byCard[cardKey];
                if (card.Waiting is null)
                {
                    _byCard.Remove(cardKey);
                    return;
                }

                batch = card.Waiting;
                card.Waiting = null;
            }

            try
            {
                await replace();
                batch.SetResult();
            }
            catch (Exception exception)
            {
                batch.SetException(exception);
            }
        }
    }

    private sealed class CardBatches
    {
        public bool Running { get; set; }

        public TaskCompletionSource? Waiting { get; set; }
    }
}
