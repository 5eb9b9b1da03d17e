namespace SofSBot.Ratings;

/// <summary>The rating rounds of all teams.</summary>
internal interface IRatingRoundStore
{
    /// <summary>Stores a new round; when a round with its id exists already (a retried post), returns that one unchanged.</summary>
    Task<RatingRound> CreateAsync(RatingRound round, CancellationToken cancellationToken);

    Task<RatingRound?> GetAsync(string teamId, string roundId, CancellationToken cancellationToken);

    /// <summary>
    /// Changes a round, again on the newer row when someone changed it meanwhile. <paramref name="change"/>
    /// returns null to leave it as it is. Returns the round as stored afterwards (null if there is none).
    /// </summary>
    Task<RatingRound?> UpdateAsync(string teamId, string roundId, Func<RatingRound, RatingRound?> change, CancellationToken cancellationToken);

    /// <summary>The team's rounds, newest first.</summary>
    Task<IReadOnlyList<RatingRound>> ListForTeamAsync(string teamId, CancellationToken cancellationToken);

    /// <summary>Every team's rounds that are still open.</summary>
    Task<IReadOnlyList<RatingRound>> ListOpenAsync(CancellationToken cancellationToken);

    /// <summary>The rounds a user opened (for the user's own data).</summary>
    Task<IReadOnlyList<RatingRound>> ListOpenedByAsync(string userId, CancellationToken cancellationToken);

    /// <summary>The rounds whose card lists the user for their own view (for the user's own data; a scan, rare).</summary>
    Task<IReadOnlyList<RatingRound>> ListShowingOwnViewToAsync(string userId, CancellationToken cancellationToken);
}
