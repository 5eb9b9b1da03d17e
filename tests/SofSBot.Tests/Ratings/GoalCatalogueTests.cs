using SofSBot.Ratings;

namespace SofSBot.Tests.Ratings;

public sealed class GoalCatalogueTests
{
    [Fact]
    public void The_catalogue_starts_with_the_six_organisation_goals_and_the_two_overall_questions()
    {
        Assert.Equal(
            ["Förhållningssätt", "Röda tråden", "Arbetsramen", "4F (Fokusera, Förstärk, Fundera, Fråga om)", "Genogram och nätverk", "Säkerhetsplanering"],
            GoalCatalogue.Seed.Where(goal => goal.Kind == GoalKind.Organisation).Select(goal => goal.Title.Swedish));
        Assert.Equal(2, GoalCatalogue.Seed.Count(goal => goal.Kind == GoalKind.Overall));
        Assert.Equal(GoalCatalogue.Seed.Count, GoalCatalogue.Seed.Select(goal => goal.GoalId).Distinct().Count());
    }

    [Fact]
    public void Every_goal_has_both_languages_and_both_ends_of_the_scale_written_out()
    {
        foreach (var goal in GoalCatalogue.Seed)
        {
            foreach (var text in new[] { goal.Title, goal.Description, goal.LowAnchor, goal.HighAnchor })
            {
                Assert.False(string.IsNullOrWhiteSpace(text.Swedish), goal.GoalId);
                Assert.False(string.IsNullOrWhiteSpace(text.English), goal.GoalId);
            }
        }
    }

    [Theory]
    [InlineData(2025, 3, 14, "2025-1", "2025 vår")]
    [InlineData(2025, 6, 30, "2025-1", "2025 vår")]
    [InlineData(2025, 9, 1, "2025-2", "2025 höst")]
    public void Without_set_periods_a_date_belongs_to_its_half_year(int year, int month, int day, string periodId, string name)
    {
        var period = RatingPeriod.DefaultFor(new DateOnly(year, month, day));

        Assert.Equal(periodId, period.PeriodId);
        Assert.Equal(name, period.Name);
    }

    [Fact]
    public void A_new_periods_id_is_its_half_year_when_free_and_else_its_start_date()
    {
        RatingPeriod[] existing = [new("2025-1", "2025 vår", new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 31))];

        Assert.Equal("2025-2", RatingPeriod.NewId(new DateOnly(2025, 8, 1), existing));
        Assert.Equal("2025-04-01", RatingPeriod.NewId(new DateOnly(2025, 4, 1), existing));
    }

    [Fact]
    public void A_date_no_period_holds_gets_its_half_year_cut_short_at_the_set_periods()
    {
        RatingPeriod[] existing =
        [
            new("2025-1", "2025 vår", new DateOnly(2025, 1, 1), new DateOnly(2025, 2, 28)),
            new("2025-05-15", "Maj–juni", new DateOnly(2025, 5, 15), new DateOnly(2025, 6, 30)),
        ];

        var gap = RatingPeriod.DefaultFor(new DateOnly(2025, 4, 2), existing);

        // "2025 vår" is the shortened period's name already: the gap is named by its dates.
        Assert.Equal(new RatingPeriod("2025-03-01", "2025-03-01 – 2025-05-14", new DateOnly(2025, 3, 1), new DateOnly(2025, 5, 14)), gap);
        Assert.Equal(RatingPeriod.DefaultFor(new DateOnly(2025, 9, 1)), RatingPeriod.DefaultFor(new DateOnly(2025, 9, 1), existing));
    }

    [Fact]
    public void A_round_closes_at_the_start_of_the_day_after_its_last_day_in_stockholm()
    {
        var deadline = RatingCards.DeadlineAfter(new DateOnly(2025, 3, 30)); // the night summer time starts

        Assert.Equal(new DateTimeOffset(2025, 3, 31, 0, 0, 0, TimeSpan.FromHours(2)), deadline);
        Assert.Equal(new DateOnly(2025, 3, 30), RatingCards.LastDayOf(deadline));
    }
}
