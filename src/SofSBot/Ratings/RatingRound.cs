using SofSBot.Localization;

namespace SofSBot.Ratings;

/// <summary>
/// One rating round of a team: the goals it asks (a copy, so editing the catalogue never changes an
/// open round), its deadline and where its card is. <see cref="RefreshUserIds"/> are the members
/// (at most 60, as Teams allows) who get their own view of the card automatically.
/// </summary>
internal sealed record RatingRound(
    string TeamId,
    string RoundId,
    string PeriodId,
    string PeriodName,
    DateTimeOffset Deadline,
    bool IsClosed,
    Language Language,
    string ChannelId,
    string? OpenedBy,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ClosedAt,
    IReadOnlyList<RatingGoal> Goals,
    int? RosterCount,
    IReadOnlyList<string> RefreshUserIds,
    string? CardConversationId,
    string? CardActivityId,
    bool RemindersSent)
{
    /// <summary>Teams lists at most this many users for automatic per-user views.</summary>
    public const int MaxRefreshUsers = 60;

    public bool AcceptsAnswers(DateTimeOffset now) => !IsClosed && now < Deadline;
}
