using SofSBot.Localization;
using SofSBot.Routines;

namespace SofSBot.Scheduling;

/// <summary>A parsed schedule form: the schedule's parts, or what the leader must fix.</summary>
internal sealed record ScheduleFormResult(
    RoutineKind Routine,
    string ChannelId,
    ScheduleRule? Rule,
    Language Language,
    IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0 && Rule is not null;

    public static ScheduleFormResult Valid(RoutineKind routine, string channelId, ScheduleRule rule, Language language) =>
        new(routine, channelId, rule, language, []);

    public static ScheduleFormResult Invalid(IReadOnlyList<string> errors) =>
        new(default, string.Empty, null, Language.Swedish, errors);
}
