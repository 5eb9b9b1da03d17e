using System.Collections.Concurrent;
using System.Globalization;

namespace SofSBot.Ratings;

/// <summary>
/// The count shards this instance's first answers are writing now, per round: a save takes a free
/// shard (starting from one picked by the member's id), so saves in one instance never write the same
/// shard at once. When all are taken, the member's own is shared and the ETag decides.
/// </summary>
internal sealed class CountShardLeases(int shards)
{
    private const int MaxRounds = 10_000;

    private readonly ConcurrentDictionary<string, int[]> _busy = new(StringComparer.Ordinal);

    public static string ShardName(uint shard) => shard.ToString("D2", CultureInfo.InvariantCulture);

    /// <summary>A stable hash of a user id (FNV-1a), the same in every process.</summary>
    public static uint Hash(string userId)
    {
        var hash = 2166136261u;
        foreach (var c in userId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    public Lease Take(string round, string userId)
    {
        if (_busy.Count > MaxRounds)
        {
            _busy.Clear();
        }

        var busy = _busy.GetOrAdd(round, _ => new int[shards]);
        var start = (int)(Hash(userId) % (uint)shards);
        for (var i = 0; i < shards; i++)
        {
            var shard = (start + i) % shards;
            if (Interlocked.CompareExchange(ref busy[shard], 1, 0) == 0)
            {
                return new Lease(busy, shard);
            }
        }

        return new Lease(null, start);
    }

    /// <summary>A shard taken for one batch; disposing frees it.</summary>
    internal readonly struct Lease(int[]? busy, int shard) : IDisposable
    {
        public string Shard => ShardName((uint)shard);

        public void Dispose()
        {
            if (busy is not null)
            {
                Volatile.Write(ref busy[shard], 0);
            }
        }
    }
}
