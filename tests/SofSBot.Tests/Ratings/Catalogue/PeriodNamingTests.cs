using SofSBot.Ratings;
using SofSBot.Ratings.Catalogue;

namespace SofSBot.Tests.Ratings.Catalogue;

/// <summary>Periods made or suggested by the bot never take a name a period has already.</summary>
public sealed class PeriodNamingTests
{
    [Fact]
    public void A_default_period_is_named_by_its_half_year_when_free_and_by_its_dates_when_a_shortened_period_has_that_name()
    {
        var shortened = new RatingPeriod("2026-1", "2026 Vår", new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31));

        var gap = RatingPeriod.DefaultFor(new DateOnly(2026, 5, 4), [shortened]);
        var autumn = RatingPeriod.DefaultFor(new DateOnly(2026, 9, 1), [shortened, gap]);

        Assert.Equal(new RatingPeriod("2026-04-01", "2026-04-01 – 2026-06-30", new DateOnly(2026, 4, 1), new DateOnly(2026, 6, 30)), gap);
        Assert.Equal("2026 höst", autumn.Name);
    }

    [Fact]
    public void The_new_period_form_suggests_a_name_no_period_has()
    {
        var named = new RatingPeriod("2025-1", "2025 höst", new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 30));

        var form = PeriodForm.New([named], new DateOnly(2025, 3, 10));

        Assert.Equal(("2025-07-01 – 2025-12-31", "2025-07-01", "2025-12-31"), (form.Name, form.Start, form.End));
    }
}
