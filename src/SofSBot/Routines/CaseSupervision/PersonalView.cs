namespace SofSBot.Routines.CaseSupervision;

/// <summary>
/// What makes a card one member's own: their slot and count, a notice about what they just did, and
/// what to leave in the question box (null: their stored question; empty after a refused text).
/// </summary>
internal sealed record PersonalView(string UserId, string? Notice = null, bool NoticeIsProblem = false, string? QuestionInput = null);
