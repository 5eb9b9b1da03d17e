namespace SofSBot.Ratings;

/// <summary>The goal catalogue: the organisation's goals and overall questions, and each team's own goals per year.</summary>
internal interface IGoalCatalogueStore
{
    /// <summary>The goals a team's round asks in <paramref name="year"/>: organisation goals, the team's own, then the overall questions.</summary>
    Task<IReadOnlyList<RatingGoal>> ListForRoundAsync(string teamId, int year, CancellationToken cancellationToken);

    /// <summary>Adds or replaces an organisation goal or overall question (the coordinator's edit).</summary>
    Task UpsertOrganisationGoalAsync(RatingGoal goal, CancellationToken cancellationToken);

    /// <summary>Adds one of the team's own goals for the year.</summary>
    Task<RatingGoal> AddTeamGoalAsync(string teamId, int year, string title, CancellationToken cancellationToken);
}
