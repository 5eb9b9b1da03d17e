namespace SofSBot.Ratings;

/// <summary>Where a goal comes from; a round asks the organisation's goals, the team's own, then the overall questions.</summary>
internal enum GoalKind
{
    Organisation,
    Team,
    Overall,
}
