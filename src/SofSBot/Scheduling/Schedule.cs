using SofSBot.Localization;
using SofSBot.Routines;

namespace SofSBot.Scheduling;

/// <summary>One routine a team leader scheduled into one of the team's channels.</summary>
internal sealed record Schedule(
    string TeamId,
    string ScheduleId,
    RoutineKind Routine,
    string ChannelId,
    ScheduleRule Rule,
    Language Language,
    bool IsPaused,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
