using System.Globalization;
using SofSBot.BotFramework.Invoke;
using SofSBot.Localization;
using SofSBot.Routines;

namespace SofSBot.Scheduling;

/// <summary>
/// The schedule form's fields as the card submits them, kept as typed text so that a form with
/// errors is shown again exactly as the leader left it. <see cref="Version"/> is the edited
/// schedule's last change as the form was opened, so a save over someone else's change is caught.
/// </summary>
internal sealed record ScheduleForm(
    string? ScheduleId,
    string? Routine,
    string? Channel,
    string? Weekdays,
    string? Time,
    string? EveryNWeeks,
    string? OnlyInWeeks,
    string? StartDate,
    string? EndDate,
    string? TimeZone,
    string? Language,
    string? SkipHolidays,
    string? BreakWeeks,
    string? Version = null)
{
    public const string DefaultTimeZone = "Europe/Stockholm";

    public static ScheduleForm Read(AdaptiveCardAction action) => new(
        action.GetDataString("scheduleId"),
        action.GetDataString("routine"),
        action.GetDataString("channel"),
        action.GetDataString("weekdays"),
        action.GetDataString("time"),
        action.GetDataString("everyNWeeks"),
        action.GetDataString("onlyInWeeks"),
        action.GetDataString("startDate"),
        action.GetDataString("endDate"),
        action.GetDataString("timeZone"),
        action.GetDataString("language"),
        action.GetDataString("skipHolidays"),
        action.GetDataString("breakWeeks"),
        action.GetDataString("version"));

    /// <summary>A blank form with sensible defaults: Mondays 08:30 every week from today, skipping holidays.</summary>
    public static ScheduleForm New(DateOnly today, string? channelId) => new(
        null, nameof(RoutineKind.Highlights), channelId, nameof(DayOfWeek.Monday), "08:30", "1", string.Empty,
        today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), string.Empty, DefaultTimeZone,
        nameof(Localization.Language.Swedish), "true", string.Empty);

    public static ScheduleForm From(Schedule schedule) => new(
        schedule.ScheduleId,
        schedule.Routine.ToString(),
        schedule.ChannelId,
        string.Join(',', schedule.Rule.Weekdays),
        schedule.Rule.TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture),
        schedule.Rule.EveryNWeeks.ToString(CultureInfo.InvariantCulture),
        WeekList.Format(schedule.Rule.OnlyInWeeks),
        schedule.Rule.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        schedule.Rule.EndDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
        schedule.Rule.TimeZoneId,
        schedule.Language.ToString(),
        schedule.Rule.SkipPublicHolidays ? "true" : "false",
        WeekList.Format(schedule.Rule.BreakWeeks),
        VersionOf(schedule));

    public static string VersionOf(Schedule schedule) => schedule.UpdatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads the form into a rule; on failure, the reasons in the leader's language.</summary>
    public ScheduleFormResult Parse(IReadOnlyCollection<string> channelIds, ScheduleTexts texts)
    {
        var errors = new List<string>();
        if (!Enum.TryParse<RoutineKind>(Routine, out var routine) || !Enum.IsDefined(routine))
        {
            errors.Add(texts.ErrorRoutine);
        }

        if (string.IsNullOrWhiteSpace(Channel) || !channelIds.Contains(Channel))
        {
            errors.Add(texts.ErrorChannel);
        }

        var weekdays = (Weekdays ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(day => Enum.TryParse<DayOfWeek>(day, out var value) && Enum.IsDefined(value) ? value : (DayOfWeek?)null)
            .ToList();
        if (weekdays.Count == 0 || weekdays.Any(day => day is null))
        {
            errors.Add(texts.ErrorNoWeekday);
        }

        if (!TimeOnly.TryParseExact(Time?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            errors.Add(texts.ErrorTime);
        }

        var everyNWeeks = 1;
        if (!string.IsNullOrWhiteSpace(EveryNWeeks)
            && (!int.TryParse(EveryNWeeks.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out everyNWeeks) || everyNWeeks is < 1 or > 52))
        {
            errors.Add(texts.ErrorEveryNWeeks);
        }

        var weeksValid = WeekList.TryParse(OnlyInWeeks, out var onlyInWeeks) & WeekList.TryParse(BreakWeeks, out var breakWeeks);
        if (!weeksValid)
        {
            errors.Add(texts.ErrorWeeks);
        }

        if (!DateOnly.TryParseExact(StartDate?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var startDate))
        {
            errors.Add(texts.ErrorStartDate);
        }

        DateOnly? endDate = null;
        if (!string.IsNullOrWhiteSpace(EndDate))
        {
            if (DateOnly.TryParseExact(EndDate.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
            {
                endDate = end;
            }
            else
            {
                errors.Add(texts.ErrorDate);
            }
        }

        var timeZone = string.IsNullOrWhiteSpace(TimeZone) ? DefaultTimeZone : TimeZone.Trim();
        var language = string.Equals(Language, nameof(Localization.Language.English), StringComparison.OrdinalIgnoreCase)
            ? Localization.Language.English
            : Localization.Language.Swedish;

        if (errors.Count > 0)
        {
            return ScheduleFormResult.Invalid(errors);
        }

        var rule = new ScheduleRule([.. weekdays.Select(day => day!.Value).Distinct().Order()], time, startDate)
        {
            EveryNWeeks = everyNWeeks,
            OnlyInWeeks = onlyInWeeks,
            EndDate = endDate,
            TimeZoneId = timeZone,
            SkipPublicHolidays = !string.Equals(SkipHolidays, "false", StringComparison.OrdinalIgnoreCase),
            BreakWeeks = breakWeeks,
        };

        errors.AddRange(rule.Validate().Select(error => error switch
        {
            ScheduleRuleError.NoWeekday => texts.ErrorNoWeekday,
            ScheduleRuleError.EveryNWeeksOutOfRange => texts.ErrorEveryNWeeks,
            ScheduleRuleError.EndBeforeStart => texts.ErrorEndBeforeStart,
            ScheduleRuleError.UnknownTimeZone => texts.ErrorTimeZone,
            ScheduleRuleError.UnknownWeekday => texts.ErrorNoWeekday,
            ScheduleRuleError.TimeOfDayNotWholeMinutes => texts.ErrorTime,
            ScheduleRuleError.DateOutOfRange => texts.ErrorDate,
            _ => texts.ErrorWeeks,
        }).Distinct());

        return errors.Count > 0 ? ScheduleFormResult.Invalid(errors) : ScheduleFormResult.Valid(routine, Channel!, rule, language);
    }
}
