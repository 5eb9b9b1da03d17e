namespace SofSBot.Export;

/// <summary>One member's current answer to one goal, as read for an export.</summary>
internal sealed record ExportAnswer(
    string PeriodId, string TeamId, string RoundId, string UserId, string GoalId, int Value, DateTimeOffset AnsweredAt);
