using SofSBot.Localization;

namespace SofSBot.Ratings;

/// <summary>
/// One thing a team rates on 0–10, with what 0 and 10 mean written out so every member reads the
/// scale the same way. <see cref="GoalId"/> is stable across years so results compare over time.
/// </summary>
internal sealed record RatingGoal(
    string GoalId,
    GoalKind Kind,
    LocalizedText Title,
    LocalizedText Description,
    LocalizedText LowAnchor,
    LocalizedText HighAnchor,
    int Order);
