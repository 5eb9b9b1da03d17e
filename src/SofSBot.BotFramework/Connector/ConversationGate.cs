namespace SofSBot.BotFramework.Connector;

/// <summary>
/// One post at a time per conversation (Teams throttles per thread and a channel must never be
/// posted to in parallel). Threads of a channel share the channel's gate. An entry lives only while
/// someone holds or awaits it, so the map does not grow with every conversation ever seen.
/// </summary>
internal sealed class ConversationGate
{
    private const string ThreadSuffix = ";messageid=";

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>The number of conversations with a post in flight or waiting.</summary>
    internal int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>The channel part of a thread id (<c>19:…@thread.tacv2;messageid=…</c>), else the id itself.</summary>
    public static string KeyOf(string conversationId)
    {
        var index = conversationId.IndexOf(ThreadSuffix, StringComparison.OrdinalIgnoreCase);
        return index < 0 ? conversationId : conversationId[..index];
    }

    /// <summary>Waits for the conversation's turn; dispose the result to give it up.</summary>
    public async Task<IDisposable> EnterAsync(string conversationId, CancellationToken cancellationToken)
    {
        var key = KeyOf(conversationId);
        Entry entry;
        lock (_lock)
        {
            if (!_entries.TryGetValue(key, out entry!))
            {
                entry = new Entry();
                _entries.Add(key, entry);
            }

            entry.Users++;
        }

        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(key, entry, release: false);
            throw;
        }

        return new Turn(this, key, entry);
    }

    private void Leave(string key, Entry entry, bool release)
    {
        lock (_lock)
        {
            if (release)
            {
                entry.Semaphore.Release();
            }

            if (--entry.Users == 0)
            {
                _entries.Remove(key);
                entry.Semaphore.Dispose();
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        // Holders plus waiters, guarded by the gate's lock.
        public int Users { get; set; }
    }

    private sealed class Turn(ConversationGate gate, string key, Entry entry) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                gate.Leave(key, entry, release: true);
            }
        }
    }
}
