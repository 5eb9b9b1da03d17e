namespace SofSBot.Scheduling;

/// <summary>
/// Swedish public holidays (allmänna helgdagar, lag 1989:253) and the de facto days off, computed for
/// any Gregorian year. Sundays, which the law also counts as helgdagar, are not listed.
/// </summary>
internal static class SwedishCalendar
{
    /// <summary>The first year of the Gregorian calendar, which the Easter computation assumes.</summary>
    public const int FirstSupportedYear = 1583;

    public const int LastSupportedYear = 9999;

    /// <summary>
    /// The year's holidays in date order. Two can share a date (Kristi himmelsfärdsdag fell on första maj
    /// in 2008; pingstdagen falls on nationaldagen in some years); both are then listed.
    /// </summary>
    public static IReadOnlyList<PublicHoliday> HolidaysIn(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, FirstSupportedYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, LastSupportedYear);

        var easter = EasterSunday(year);
        var midsummerDay = FirstSaturdayFrom(new DateOnly(year, 6, 20));
        var allSaintsDay = FirstSaturdayFrom(new DateOnly(year, 10, 31));

        PublicHoliday[] holidays =
        [
            Official(new DateOnly(year, 1, 1), "nyårsdagen", "New Year's Day"),
            Official(new DateOnly(year, 1, 6), "trettondedag jul", "Epiphany"),
            Official(easter.AddDays(-2), "långfredagen", "Good Friday"),
            DeFacto(easter.AddDays(-1), "påskafton", "Easter Eve"),
            Official(easter, "påskdagen", "Easter Sunday"),
            Official(easter.AddDays(1), "annandag påsk", "Easter Monday"),
            Official(new DateOnly(year, 5, 1), "första maj", "May Day"),
            Official(easter.AddDays(39), "Kristi himmelsfärdsdag", "Ascension Day"),
            Official(easter.AddDays(49), "pingstdagen", "Whit Sunday"),
            Official(new DateOnly(year, 6, 6), "Sveriges nationaldag", "National Day of Sweden"),
            DeFacto(midsummerDay.AddDays(-1), "midsommarafton", "Midsummer Eve"),
            Official(midsummerDay, "midsommardagen", "Midsummer Day"),
            Official(allSaintsDay, "alla helgons dag", "All Saints' Day"),
            DeFacto(new DateOnly(year, 12, 24), "julafton", "Christmas Eve"),
            Official(new DateOnly(year, 12, 25), "juldagen", "Christmas Day"),
            Official(new DateOnly(year, 12, 26), "annandag jul", "Boxing Day"),
            DeFacto(new DateOnly(year, 12, 31), "nyårsafton", "New Year's Eve"),
        ];

        // OrderBy is stable, so holidays sharing a date keep the order above.
        return [.. holidays.OrderBy(h => h.Date)];
    }

    /// <summary>
    /// True on a public holiday or a de facto day off. Ordinary Saturdays and Sundays are not counted:
    /// a schedule that names a Saturday means it.
    /// </summary>
    public static bool IsDayOff(DateOnly date) => HolidayOn(date) is not null;

    /// <summary>The holiday on this date (the first, if two share it), or null.</summary>
    public static PublicHoliday? HolidayOn(DateOnly date)
    {
        if (date.Year < FirstSupportedYear)
            return null;

        foreach (var holiday in HolidaysIn(date.Year))
        {
            if (holiday.Date == date)
                return holiday;
        }

        return null;
    }

    /// <summary>Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, FirstSupportedYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, LastSupportedYear);

        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private static DateOnly FirstSaturdayFrom(DateOnly date) =>
        date.AddDays(((int)DayOfWeek.Saturday - (int)date.DayOfWeek + 7) % 7);

    private static PublicHoliday Official(DateOnly date, string swedish, string english) => new(date, swedish, english, false);

    private static PublicHoliday DeFacto(DateOnly date, string swedish, string english) => new(date, swedish, english, true);
}
