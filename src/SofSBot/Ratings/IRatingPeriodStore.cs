namespace SofSBot.Ratings;

/// <summary>The rating periods the coordinator sets (e.g. "2025 vår", "2025 höst").</summary>
internal interface IRatingPeriodStore
{
    Task<IReadOnlyList<RatingPeriod>> ListAsync(CancellationToken cancellationToken);

    Task UpsertAsync(RatingPeriod period, CancellationToken cancellationToken);

    /// <summary>The period a date falls in: a set one, or the half-year (<see cref="RatingPeriod.DefaultFor"/>), which is then stored.</summary>
    Task<RatingPeriod> ForDateAsync(DateOnly date, CancellationToken cancellationToken);
}
