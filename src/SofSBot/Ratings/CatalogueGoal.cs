namespace SofSBot.Ratings;

/// <summary>
/// A goal as the catalogue keeps it for its editors: the goal, when it was retired (no longer asked
/// in new rounds, kept for history and exports) and the stored row's version, which an edit form
/// carries so that a save over someone else's change is refused.
/// </summary>
internal sealed record CatalogueGoal(RatingGoal Goal, DateTimeOffset? RetiredAt, string Version)
{
    public bool IsRetired => RetiredAt is not null;
}
