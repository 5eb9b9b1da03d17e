namespace SofSBot.Scheduling;

/// <summary>What can be wrong with a <see cref="ScheduleRule"/>; the UI turns these into words.</summary>
internal enum ScheduleRuleError
{
    NoWeekday,
    UnknownWeekday,
    TimeOfDayNotWholeMinutes,
    EveryNWeeksOutOfRange,
    EndBeforeStart,
    DateOutOfRange,
    UnknownTimeZone,
    WeekNumberOutOfRange,
    EveryOnlyWeekIsABreakWeek,
}
