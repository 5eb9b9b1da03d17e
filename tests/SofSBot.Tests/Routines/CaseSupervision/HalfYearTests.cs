using SofSBot.Routines.CaseSupervision;

namespace SofSBot.Tests.Routines.CaseSupervision;

public sealed class HalfYearTests
{
    [Theory]
    [InlineData("2026-01-01", "2026-H1")]
    [InlineData("2026-06-30", "2026-H1")]
    [InlineData("2026-07-01", "2026-H2")]
    [InlineData("2026-12-31", "2026-H2")]
    [InlineData("2027-01-01", "2027-H1")]
    public void A_meeting_counts_in_the_half_year_of_its_date(string meetingDate, string expected)
    {
        Assert.Equal(expected, HalfYear.Of(DateOnly.Parse(meetingDate, System.Globalization.CultureInfo.InvariantCulture)).Key);
    }

    [Theory]
    [InlineData(2, 1, 1)]
    [InlineData(4, 2, 2)]
    [InlineData(24, 12, 12)]
    public void An_even_year_target_is_split_in_half(int perYear, int spring, int autumn)
    {
        Assert.Equal(spring, new HalfYear(2026, 1).TargetOf(perYear));
        Assert.Equal(autumn, new HalfYear(2026, 2).TargetOf(perYear));
    }

    [Theory]
    [InlineData(1, 1, 0)]
    [InlineData(3, 2, 1)]
    [InlineData(5, 3, 2)]
    public void An_odd_year_target_gives_spring_the_larger_half_and_autumn_the_rest_of_the_year(int perYear, int spring, int autumn)
    {
        Assert.Equal(spring, new HalfYear(2026, 1).TargetOf(perYear));
        Assert.Equal(autumn, new HalfYear(2026, 2).TargetOf(perYear));
        Assert.Equal(perYear, spring + autumn);
    }
}
