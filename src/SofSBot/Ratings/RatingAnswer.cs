namespace SofSBot.Ratings;

/// <summary>One member's current answer to one goal of a round.</summary>
internal sealed record RatingAnswer(string UserId, string GoalId, int Value, DateTimeOffset AnsweredAt);
