using System.Globalization;
using SofSBot.Scheduling;

namespace SofSBot.Tests.Scheduling;

public sealed class SwedishCalendarTests
{
    // Official dates written out, not computed, so that the test cannot share a bug with the code.
    public static TheoryData<int, string[]> OfficialHolidays => new()
    {
        {
            2024,
            [
                "2024-01-01 nyårsdagen", "2024-01-06 trettondedag jul", "2024-03-29 långfredagen",
                "2024-03-30 påskafton*", "2024-03-31 påskdagen", "2024-04-01 annandag påsk",
                "2024-05-01 första maj", "2024-05-09 Kristi himmelsfärdsdag", "2024-05-19 pingstdagen",
                "2024-06-06 Sveriges nationaldag", "2024-06-21 midsommarafton*", "2024-06-22 midsommardagen",
                "2024-11-02 alla helgons dag", "2024-12-24 julafton*", "2024-12-25 juldagen",
                "2024-12-26 annandag jul", "2024-12-31 nyårsafton*",
            ]
        },
        {
            2025,
            [
                "2025-01-01 nyårsdagen", "2025-01-06 trettondedag jul", "2025-04-18 långfredagen",
                "2025-04-19 påskafton*", "2025-04-20 påskdagen", "2025-04-21 annandag påsk",
                "2025-05-01 första maj", "2025-05-29 Kristi himmelsfärdsdag", "2025-06-06 Sveriges nationaldag",
                "2025-06-08 pingstdagen", "2025-06-20 midsommarafton*", "2025-06-21 midsommardagen",
                "2025-11-01 alla helgons dag", "2025-12-24 julafton*", "2025-12-25 juldagen",
                "2025-12-26 annandag jul", "2025-12-31 nyårsafton*",
            ]
        },
        {
            2026,
            [
                "2026-01-01 nyårsdagen", "2026-01-06 trettondedag jul", "2026-04-03 långfredagen",
                "2026-04-04 påskafton*", "2026-04-05 påskdagen", "2026-04-06 annandag påsk",
                "2026-05-01 första maj", "2026-05-14 Kristi himmelsfärdsdag", "2026-05-24 pingstdagen",
                "2026-06-06 Sveriges nationaldag", "2026-06-19 midsommarafton*", "2026-06-20 midsommardagen",
                "2026-10-31 alla helgons dag", "2026-12-24 julafton*", "2026-12-25 juldagen",
                "2026-12-26 annandag jul", "2026-12-31 nyårsafton*",
            ]
        },
        {
            2027,
            [
                "2027-01-01 nyårsdagen", "2027-01-06 trettondedag jul", "2027-03-26 långfredagen",
                "2027-03-27 påskafton*", "2027-03-28 påskdagen", "2027-03-29 annandag påsk",
                "2027-05-01 första maj", "2027-05-06 Kristi himmelsfärdsdag", "2027-05-16 pingstdagen",
                "2027-06-06 Sveriges nationaldag", "2027-06-25 midsommarafton*", "2027-06-26 midsommardagen",
                "2027-11-06 alla helgons dag", "2027-12-24 julafton*", "2027-12-25 juldagen",
                "2027-12-26 annandag jul", "2027-12-31 nyårsafton*",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(OfficialHolidays))]
    public void Holidays_of_the_year_are_exactly_the_official_ones_in_date_order_with_the_eves_marked_de_facto(int year, string[] expected)
    {
        var actual = SwedishCalendar.HolidaysIn(year)
            .Select(h => $"{h.Date:yyyy-MM-dd} {h.SwedishName}{(h.IsDeFactoDayOff ? "*" : "")}")
            .ToArray();

        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(OfficialHolidays))]
    public void Every_holiday_is_a_day_off_and_has_an_english_name(int year, string[] expected)
    {
        foreach (var date in expected.Select(e => DateOnly.ParseExact(e[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture)))
            Assert.True(SwedishCalendar.IsDayOff(date), $"{date} should be a day off");

        Assert.All(SwedishCalendar.HolidaysIn(year), h => Assert.False(string.IsNullOrWhiteSpace(h.EnglishName)));
    }

    [Theory]
    [InlineData("2025-04-22")] // Tuesday after annandag påsk
    [InlineData("2025-06-07")] // Saturday after nationaldagen
    [InlineData("2025-06-09")] // annandag pingst, no longer a holiday since 2005
    [InlineData("2025-03-29")] // an ordinary Saturday
    [InlineData("2025-03-30")] // an ordinary Sunday
    [InlineData("2025-06-19")] // Thursday before midsommarafton
    [InlineData("2025-12-27")]
    public void Ordinary_days_including_weekends_are_not_days_off(string date)
    {
        Assert.False(SwedishCalendar.IsDayOff(Date(date)));
    }

    [Theory]
    [InlineData("1818-03-22")] // earliest possible Easter
    [InlineData("1961-04-02")]
    [InlineData("2000-04-23")]
    [InlineData("2008-03-23")]
    [InlineData("2011-04-24")]
    [InlineData("2019-04-21")]
    [InlineData("2038-04-25")] // latest possible Easter
    [InlineData("2285-03-22")]
    public void Easter_sunday_matches_known_dates(string easter)
    {
        var date = Date(easter);

        Assert.Equal(date, SwedishCalendar.EasterSunday(date.Year));
        Assert.Equal(DayOfWeek.Sunday, date.DayOfWeek);
    }

    [Fact]
    public void Two_holidays_on_one_date_are_both_listed()
    {
        // 2008: Easter on 23 March put Kristi himmelsfärdsdag on första maj.
        var onMayFirst = SwedishCalendar.HolidaysIn(2008).Where(h => h.Date == new DateOnly(2008, 5, 1)).Select(h => h.SwedishName);

        Assert.Equal(["första maj", "Kristi himmelsfärdsdag"], onMayFirst);
        Assert.Equal("första maj", SwedishCalendar.HolidayOn(new DateOnly(2008, 5, 1))?.SwedishName);
    }

    [Fact]
    public void Midsummer_and_all_saints_fall_on_their_saturday_in_every_year()
    {
        for (var year = 2000; year <= 2100; year++)
        {
            var holidays = SwedishCalendar.HolidaysIn(year);
            var eve = holidays.Single(h => h.SwedishName == "midsommarafton").Date;
            var day = holidays.Single(h => h.SwedishName == "midsommardagen").Date;
            var allSaints = holidays.Single(h => h.SwedishName == "alla helgons dag").Date;

            Assert.Equal(DayOfWeek.Friday, eve.DayOfWeek);
            Assert.InRange(eve, new DateOnly(year, 6, 19), new DateOnly(year, 6, 25));
            Assert.Equal(eve.AddDays(1), day);
            Assert.Equal(DayOfWeek.Saturday, allSaints.DayOfWeek);
            Assert.InRange(allSaints, new DateOnly(year, 10, 31), new DateOnly(year, 11, 6));
        }
    }

    [Fact]
    public void Holiday_on_gives_the_name_for_the_date_or_null()
    {
        Assert.Equal("midsommarafton", SwedishCalendar.HolidayOn(new DateOnly(2025, 6, 20))?.SwedishName);
        Assert.Null(SwedishCalendar.HolidayOn(new DateOnly(2025, 6, 19)));
    }

    [Theory]
    [InlineData(1582)]
    [InlineData(10000)]
    public void Years_outside_the_gregorian_range_are_refused(int year)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SwedishCalendar.HolidaysIn(year));
    }

    private static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
