namespace SofSBot.Ratings;

/// <summary>The goal catalogue: the organisation's goals and overall questions, and each team's own goals per year.</summary>
internal interface IGoalCatalogueStore
{
    /// <summary>The goals a team's round asks in <paramref name="year"/>: organisation goals, the team's own, then the overall questions; retired goals are left out.</summary>
    Task<IReadOnlyList<RatingGoal>> ListForRoundAsync(string teamId, int year, CancellationToken cancellationToken);

    /// <summary>The organisation's goals and overall questions for the coordinator's editor, retired ones included, in order.</summary>
    Task<IReadOnlyList<CatalogueGoal>> ListOrganisationAsync(CancellationToken cancellationToken);

    Task<CatalogueGoal?> GetOrganisationGoalAsync(string goalId, CancellationToken cancellationToken);

    /// <summary>Adds or replaces an organisation goal or overall question unconditionally (seeding, tools).</summary>
    Task UpsertOrganisationGoalAsync(RatingGoal goal, CancellationToken cancellationToken);

    /// <summary>Replaces an organisation goal if it is still at <paramref name="version"/> (the coordinator's edit).</summary>
    Task<CatalogueWrite> ReplaceOrganisationGoalAsync(RatingGoal goal, string version, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a new organisation goal under a new id (<c>org-{n}</c>, one more than any id the catalogue
    /// ever had, retired ones included), built by <paramref name="create"/> from that id.
    /// </summary>
    Task<RatingGoal> AddOrganisationGoalAsync(Func<string, RatingGoal> create, CancellationToken cancellationToken);

    /// <summary>Retires an organisation goal at <paramref name="version"/>; overall questions are never retired.</summary>
    Task<CatalogueWrite> RetireOrganisationGoalAsync(string goalId, string version, DateTimeOffset retiredAt, CancellationToken cancellationToken);

    /// <summary>The team's own goals of the year, retired ones included, in order.</summary>
    Task<IReadOnlyList<CatalogueGoal>> ListTeamGoalsAsync(string teamId, int year, CancellationToken cancellationToken);

    /// <summary>Adds one of the team's own goals for the year.</summary>
    Task<RatingGoal> AddTeamGoalAsync(string teamId, int year, string title, CancellationToken cancellationToken);

    /// <summary>Retires one of the team's own goals (a second retire changes nothing).</summary>
    Task<CatalogueWrite> RetireTeamGoalAsync(string teamId, string goalId, DateTimeOffset retiredAt, CancellationToken cancellationToken);
}
