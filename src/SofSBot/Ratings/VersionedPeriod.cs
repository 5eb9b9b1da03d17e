namespace SofSBot.Ratings;

/// <summary>A stored period with its row's version, which the edit form carries.</summary>
internal sealed record VersionedPeriod(RatingPeriod Period, string Version);
