using System.Globalization;
using SofSBot.Scheduling;

namespace SofSBot.Tests.Scheduling;

public sealed class IsoWeekTests
{
    [Theory]
    [InlineData("2025-01-01", 2025, 1)]
    [InlineData("2024-12-30", 2025, 1)] // Monday of week 1 is still in 2024
    [InlineData("2025-02-12", 2025, 7)]
    [InlineData("2026-12-31", 2026, 53)]
    [InlineData("2027-01-03", 2026, 53)] // Sunday after New Year still belongs to week 53 of 2026
    [InlineData("2027-01-04", 2027, 1)]
    [InlineData("2021-01-01", 2020, 53)]
    public void Week_of_a_date_uses_the_iso_week_based_year(string date, int year, int week)
    {
        Assert.Equal(new IsoWeek(year, week), IsoWeek.Of(Date(date)));
    }

    [Theory]
    [InlineData(2024, 52)]
    [InlineData(2025, 52)]
    [InlineData(2026, 53)]
    [InlineData(2027, 52)]
    [InlineData(2032, 53)]
    public void Years_have_52_or_53_weeks(int year, int weeks)
    {
        Assert.Equal(weeks, IsoWeek.WeeksInYear(year));
    }

    [Theory]
    [InlineData("2025-03-31", "2025-03-31")]
    [InlineData("2025-04-06", "2025-03-31")]
    [InlineData("2027-01-01", "2026-12-28")]
    public void Monday_of_a_date_starts_its_week(string date, string monday)
    {
        Assert.Equal(Date(monday), IsoWeek.MondayOf(Date(date)));
        Assert.Equal(Date(monday), IsoWeek.Of(Date(date)).Monday);
    }

    private static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
