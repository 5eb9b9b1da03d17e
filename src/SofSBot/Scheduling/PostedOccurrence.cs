namespace SofSBot.Scheduling;

/// <summary>Where an occurrence's card was posted, to update it later.</summary>
internal sealed record PostedOccurrence(
    string ScheduleId,
    string OccurrenceKey,
    string TeamId,
    OccurrenceState State,
    string? ConversationId,
    string? ActivityId,
    DateTimeOffset? PostedAt,
    string? SkipReason);
