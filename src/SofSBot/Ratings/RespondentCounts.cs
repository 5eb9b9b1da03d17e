using System.Collections.Concurrent;

namespace SofSBot.Ratings;

/// <summary>
/// How many answered a round, for the counter on a member's own view: read at most once a second per
/// round in this instance, and counted up in between as members answer here. Counting reads the
/// round's respondent marks (one row per member), so a thousand members answering at once would
/// otherwise read a million rows. The shared card in the channel always counts afresh.
/// </summary>
internal sealed class RespondentCounts(IRatingAnswerStore answers, TimeProvider time)
{
    private const int MaxRounds = 10_000;
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, (int Count, DateTimeOffset ReadAt)> _counts = new(StringComparer.Ordinal);

    public async Task<int> CountAsync(RatingRound round, CancellationToken cancellationToken)
    {
        var key = Key(round);
        var now = time.GetUtcNow();
        if (!_counts.TryGetValue(key, out var cached) || now - cached.ReadAt >= MaxAge)
        {
            if (_counts.Count > MaxRounds)
            {
                _counts.Clear();
            }

            cached = ((await answers.ListRespondentsAsync(round, cancellationToken)).Count, now);
            _counts[key] = cached;
        }

        return cached.Count;
    }

    /// <summary>A member answered the round for the first time, here.</summary>
    public void CountNewRespondent(RatingRound round) =>
        _counts.AddOrUpdate(Key(round), _ => (0, DateTimeOffset.MinValue), (_, cached) => (cached.Count + 1, cached.ReadAt));

    private static string Key(RatingRound round) => $"{round.TeamId}|{round.RoundId}";
}
