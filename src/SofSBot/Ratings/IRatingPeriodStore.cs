namespace SofSBot.Ratings;

/// <summary>The rating periods the coordinator sets (e.g. "2025 vår", "2025 höst").</summary>
internal interface IRatingPeriodStore
{
    Task<IReadOnlyList<RatingPeriod>> ListAsync(CancellationToken cancellationToken);

    Task<VersionedPeriod?> GetAsync(string periodId, CancellationToken cancellationToken);

    /// <summary>Adds or replaces a period unconditionally (tools and tests).</summary>
    Task UpsertAsync(RatingPeriod period, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a new period; false when its id is taken, or when a period that overlaps it was stored at
    /// the same moment (it is then taken back again; the caller decides again on what is stored now).
    /// </summary>
    Task<bool> TryAddAsync(RatingPeriod period, CancellationToken cancellationToken);

    /// <summary>Replaces a period if it is still at <paramref name="version"/> (the coordinator's edit).</summary>
    Task<CatalogueWrite> ReplaceAsync(RatingPeriod period, string version, CancellationToken cancellationToken);

    /// <summary>The period a date falls in: a set one, or the half-year (<see cref="RatingPeriod.DefaultFor(DateOnly, IReadOnlyCollection{RatingPeriod})"/>), which is then stored.</summary>
    Task<RatingPeriod> ForDateAsync(DateOnly date, CancellationToken cancellationToken);
}
