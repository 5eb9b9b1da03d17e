using System.Collections.Concurrent;

namespace SofSBot.Ratings;

/// <summary>
/// How many answered a round, for the counter on a member's own view: read at most once a second per
/// round in this instance (the count rows kept with the answers, a constant few), taken from a save
/// that counted a first answer, and counted up in between as members answer here. The shared card in
/// the channel always reads the count afresh.
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

            cached = (await answers.CountRespondentsAsync(round, cancellationToken), now);
            _counts[key] = cached;
        }

        return cached.Count;
    }

    /// <summary>The count a save just read or wrote.</summary>
    public void Counted(RatingRound round, int respondents) => _counts[Key(round)] = (respondents, time.GetUtcNow());

    /// <summary>A member answered the round for the first time, here.</summary>
    public void CountNewRespondent(RatingRound round) =>
        _counts.AddOrUpdate(Key(round), _ => (0, DateTimeOffset.MinValue), (_, cached) => (cached.Count + 1, cached.ReadAt));

    private static string Key(RatingRound round) => $"{round.TeamId}|{round.RoundId}";
}
