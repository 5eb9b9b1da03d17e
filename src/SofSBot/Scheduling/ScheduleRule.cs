namespace SofSBot.Scheduling;

/// <summary>
/// When a routine recurs: on <see cref="Weekdays"/> at <see cref="TimeOfDay"/> wall-clock time in
/// <see cref="TimeZoneId"/>, every <see cref="EveryNWeeks"/> weeks counted from the ISO week of
/// <see cref="StartDate"/> (or only in <see cref="OnlyInWeeks"/>), from <see cref="StartDate"/> to
/// <see cref="EndDate"/> inclusive. Break weeks and holidays drop an occurrence; they never move it,
/// and they do not shift the every-N-weeks rhythm.
/// </summary>
/// <remarks>Lists compare by reference in record equality; compare rules field by field if needed.</remarks>
internal sealed record ScheduleRule(IReadOnlyList<DayOfWeek> Weekdays, TimeOnly TimeOfDay, DateOnly StartDate)
{
    public const string DefaultTimeZoneId = "Europe/Stockholm";
    public const int MaxEveryNWeeks = 52;

    public int EveryNWeeks { get; init; } = 1;

    /// <summary>ISO week numbers; when non-empty the rule occurs only in these weeks and <see cref="EveryNWeeks"/> is ignored.</summary>
    public IReadOnlyList<int> OnlyInWeeks { get; init; } = [];

    /// <summary>Inclusive.</summary>
    public DateOnly? EndDate { get; init; }

    /// <summary>An IANA id (Windows ids also resolve where ICU is available).</summary>
    public string TimeZoneId { get; init; } = DefaultTimeZoneId;

    /// <summary>Skip (not move) occurrences on Swedish public holidays and de facto days off.</summary>
    public bool SkipPublicHolidays { get; init; } = true;

    /// <summary>ISO week numbers in which nothing occurs, every year (e.g. summer weeks 28–31).</summary>
    public IReadOnlyList<int> BreakWeeks { get; init; } = [];

    /// <summary>Every problem found, empty when the rule is usable.</summary>
    public IReadOnlyList<ScheduleRuleError> Validate()
    {
        var errors = new List<ScheduleRuleError>();

        // Null checks guard against rules deserialized from storage with missing arrays.
        if (Weekdays is null || Weekdays.Count == 0)
            errors.Add(ScheduleRuleError.NoWeekday);
        else if (Weekdays.Any(d => !Enum.IsDefined(d)))
            errors.Add(ScheduleRuleError.UnknownWeekday);

        // The occurrence key has minute resolution.
        if (TimeOfDay.Second != 0 || TimeOfDay.Millisecond != 0 || TimeOfDay.Microsecond != 0 || TimeOfDay.Nanosecond != 0)
            errors.Add(ScheduleRuleError.TimeOfDayNotWholeMinutes);

        if (EveryNWeeks is < 1 or > MaxEveryNWeeks)
            errors.Add(ScheduleRuleError.EveryNWeeksOutOfRange);

        if (EndDate < StartDate)
            errors.Add(ScheduleRuleError.EndBeforeStart);

        if (!IsSupported(StartDate) || (EndDate is { } end && !IsSupported(end)))
            errors.Add(ScheduleRuleError.DateOutOfRange);

        if (string.IsNullOrWhiteSpace(TimeZoneId) || !TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out _))
            errors.Add(ScheduleRuleError.UnknownTimeZone);

        var onlyInWeeks = OnlyInWeeks ?? [];
        var breakWeeks = BreakWeeks ?? [];
        if (onlyInWeeks.Concat(breakWeeks).Any(w => w is < 1 or > 53))
            errors.Add(ScheduleRuleError.WeekNumberOutOfRange);

        if (onlyInWeeks.Count > 0 && onlyInWeeks.All(breakWeeks.Contains))
            errors.Add(ScheduleRuleError.EveryOnlyWeekIsABreakWeek);

        return errors;
    }

    // The calendar needs Gregorian years; the last year is left out so that no instant overflows DateTimeOffset.
    private static bool IsSupported(DateOnly date) =>
        date.Year is >= SwedishCalendar.FirstSupportedYear and < SwedishCalendar.LastSupportedYear;
}
