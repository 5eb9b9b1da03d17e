namespace SofSBot.Ratings;

/// <summary>
/// What a save changed: how many goals got a new value, whether it was the member's first answer in the
/// round, the member's answers now (by goal id), and how many answered the round when the save counted it (else null).
/// </summary>
internal sealed record AnswerSaveOutcome(int ChangedGoals, bool FirstAnswer, IReadOnlyDictionary<string, int> Answers, int? Respondents);

/// <summary>A stored rating row about one user: a current answer, an earlier value (history) or the mark that they answered.</summary>
internal sealed record StoredRatingRow(
    string PeriodId, string TeamId, string RoundId, RatingRowKind Kind, string? GoalId, int? Value, DateTimeOffset At, int Revision);

internal enum RatingRowKind
{
    Answer,
    History,
    Respondent,
}

/// <summary>A round's count of respondents and whether its close was recorded with the answers (the shared card's version).</summary>
internal sealed record RoundTally(int Respondents, bool Closed);

/// <summary>Members' answers to rating rounds: one current answer per member, round and goal, with every change kept.</summary>
internal interface IRatingAnswerStore
{
    /// <summary>
    /// Stores the member's values (goals left out keep their answer). Idempotent: values equal to the
    /// stored ones write nothing, so a repeated invoke adds no history.
    /// </summary>
    Task<AnswerSaveOutcome> SaveAsync(RatingRound round, string userId, IReadOnlyDictionary<string, int> values, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The member's current answers in the round, by goal id.</summary>
    Task<IReadOnlyDictionary<string, RatingAnswer>> GetForUserAsync(RatingRound round, string userId, CancellationToken cancellationToken);

    /// <summary>Every member's current answers in the round.</summary>
    Task<IReadOnlyList<RatingAnswer>> ListAsync(RatingRound round, CancellationToken cancellationToken);

    /// <summary>How many members answered the round: from the count kept with the answers, never by listing them.</summary>
    Task<int> CountRespondentsAsync(RatingRound round, CancellationToken cancellationToken);

    /// <summary>The count and the close mark, in one read of a constant few rows.</summary>
    Task<RoundTally> ReadTallyAsync(string periodId, string teamId, string roundId, CancellationToken cancellationToken);

    /// <summary>Records next to the count that the round closed, so the shared card's version is one read.</summary>
    Task MarkClosedAsync(RatingRound round, CancellationToken cancellationToken);

    /// <summary>The members who answered at least one goal of the round.</summary>
    Task<IReadOnlySet<string>> ListRespondentsAsync(RatingRound round, CancellationToken cancellationToken);

    /// <summary>Everything stored about a user, in every period and team.</summary>
    Task<IReadOnlyList<StoredRatingRow>> FindByUserAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Deletes everything stored about a user; returns how many rows went.</summary>
    Task<int> EraseUserAsync(string userId, CancellationToken cancellationToken);
}
