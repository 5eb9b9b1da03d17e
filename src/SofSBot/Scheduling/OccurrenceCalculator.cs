namespace SofSBot.Scheduling;

/// <summary>
/// Expands a <see cref="ScheduleRule"/> into occurrences. Pure: the caller passes the time in, so the
/// scheduler can ask "what fell due in [now − grace, now]?" with <see cref="Between"/>.
/// </summary>
internal static class OccurrenceCalculator
{
    /// <summary>
    /// A rule that cannot occur (e.g. only on Fridays of week 53, which are always nyårsafton or
    /// nyårsdagen) would otherwise scan forever; stop after this many days without a single match.
    /// </summary>
    public const int MaxDaysWithoutOccurrence = 366 * 10;

    /// <summary>Occurrences at or after <paramref name="fromInclusive"/>, lazily, in time order, up to the rule's end date.</summary>
    /// <exception cref="ArgumentException">The rule does not validate.</exception>
    public static IEnumerable<Occurrence> From(ScheduleRule rule, DateTimeOffset fromInclusive)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var errors = rule.Validate();
        if (errors.Count > 0)
            throw new ArgumentException($"The schedule rule is invalid: {string.Join(", ", errors)}.", nameof(rule));

        // Validated eagerly; only the expansion is deferred.
        return Expand(rule, TimeZoneInfo.FindSystemTimeZoneById(rule.TimeZoneId), fromInclusive);
    }

    /// <summary>Occurrences with <paramref name="fromInclusive"/> ≤ At ≤ <paramref name="toInclusive"/>, in time order.</summary>
    public static IEnumerable<Occurrence> Between(ScheduleRule rule, DateTimeOffset fromInclusive, DateTimeOffset toInclusive) =>
        From(rule, fromInclusive).TakeWhile(o => o.At <= toInclusive);

    /// <summary>The first occurrence at or after <paramref name="fromInclusive"/>, or null if there is none.</summary>
    public static Occurrence? Next(ScheduleRule rule, DateTimeOffset fromInclusive) => From(rule, fromInclusive).FirstOrDefault();

    /// <summary>The last occurrence with <paramref name="notBefore"/> ≤ At ≤ <paramref name="atOrBefore"/>, or null.</summary>
    public static Occurrence? Latest(ScheduleRule rule, DateTimeOffset notBefore, DateTimeOffset atOrBefore) =>
        Between(rule, notBefore, atOrBefore).LastOrDefault();

    /// <summary>
    /// The instant of a wall-clock time in a zone. A time in a spring-forward gap moves forward by the
    /// gap (02:30 → 03:30 CEST); an ambiguous time at fall-back takes the first, summer-time instant.
    /// </summary>
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);

        if (zone.IsAmbiguousTime(local))
            return new DateTimeOffset(local, zone.GetAmbiguousTimeOffsets(local).Max());

        if (zone.IsInvalidTime(local))
        {
            // Read the wall-clock time with the offset in force before the gap: that instant lies after the
            // transition, and its wall-clock time is the requested one plus the gap.
            var offsetBeforeGap = zone.GetUtcOffset(local.AddDays(-1));
            var instant = new DateTimeOffset(local - offsetBeforeGap, TimeSpan.Zero);
            return TimeZoneInfo.ConvertTime(instant, zone);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static IEnumerable<Occurrence> Expand(ScheduleRule rule, TimeZoneInfo zone, DateTimeOffset fromInclusive)
    {
        var weekdays = rule.Weekdays.ToHashSet();
        // Missing week lists (from storage) mean none, as Validate treats them.
        var onlyInWeeks = (rule.OnlyInWeeks ?? []).ToHashSet();
        var breakWeeks = (rule.BreakWeeks ?? []).ToHashSet();
        var startMonday = IsoWeek.MondayOf(rule.StartDate);
        var lastDate = rule.EndDate ?? new DateOnly(SwedishCalendar.LastSupportedYear - 1, 12, 31);

        // A local date is within a day of the UTC date; one day more covers a slot that a spring-forward gap
        // pushed past midnight. Day numbers, not dates, so that DateTimeOffset.MinValue cannot underflow.
        var fromUtcDay = DateOnly.FromDateTime(fromInclusive.UtcDateTime).DayNumber - 2;
        var date = fromUtcDay > rule.StartDate.DayNumber ? DateOnly.FromDayNumber(fromUtcDay) : rule.StartDate;

        var holidayYear = 0;
        HashSet<DateOnly> holidays = [];
        var daysWithoutMatch = 0;

        for (; date <= lastDate && daysWithoutMatch <= MaxDaysWithoutOccurrence; date = date.AddDays(1))
        {
            daysWithoutMatch++;
            if (!weekdays.Contains(date.DayOfWeek))
                continue;

            var week = IsoWeek.Of(date);
            if (breakWeeks.Contains(week.Week))
                continue;

            if (onlyInWeeks.Count > 0)
            {
                if (!onlyInWeeks.Contains(week.Week))
                    continue;
            }
            else if ((IsoWeek.MondayOf(date).DayNumber - startMonday.DayNumber) / 7 % rule.EveryNWeeks != 0)
            {
                continue;
            }

            if (rule.SkipPublicHolidays)
            {
                if (date.Year != holidayYear)
                {
                    holidayYear = date.Year;
                    holidays = SwedishCalendar.HolidaysIn(holidayYear).Select(h => h.Date).ToHashSet();
                }

                if (holidays.Contains(date))
                    continue;
            }

            daysWithoutMatch = 0;
            var at = ToInstant(date, rule.TimeOfDay, zone);
            if (at >= fromInclusive)
                yield return new Occurrence(date, rule.TimeOfDay, at, week.Year, week.Week);
        }
    }
}
