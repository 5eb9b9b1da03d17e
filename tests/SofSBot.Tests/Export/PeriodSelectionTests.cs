using SofSBot.Export;
using SofSBot.Ratings;

namespace SofSBot.Tests.Export;

/// <summary>The export picks periods by id or name; a name must never pick a period the user did not mean.</summary>
public sealed class PeriodSelectionTests
{
    private static readonly RatingPeriod Spring = new("2025-1", "2025 vår", new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 31));
    private static readonly RatingPeriod Gap = new("2025-04-01", "2025-04-01 – 2025-06-30", new DateOnly(2025, 4, 1), new DateOnly(2025, 6, 30));
    private static readonly RatingPeriod Autumn = new("2025-2", "2025 höst", new DateOnly(2025, 7, 1), new DateOnly(2025, 12, 31));

    [Fact]
    public void A_name_without_diacritics_or_an_id_picks_its_period_and_a_gap_is_picked_by_its_dates()
    {
        var selection = PeriodSelector.Select([Spring, Gap, Autumn], ["2025-var", "2025-2", "2025-04-01-2025-06-30"]);

        Assert.Equal([Spring, Gap, Autumn], selection.Periods);
        Assert.Empty(selection.Unknown);
    }

    [Fact]
    public void A_name_two_stored_periods_share_is_unknown_rather_than_the_first_of_them_and_each_is_offered_by_its_id()
    {
        // Stored before names were kept apart: the default half-year took the name of the coordinator's shortened period.
        var sameName = Gap with { Name = "2025 vår" };
        var periods = new[] { Spring, sameName, Autumn };

        var byName = PeriodSelector.Select(periods, ["2025 vår"]);
        var byId = PeriodSelector.Select(periods, ["2025-04-01", "2025-1"]);

        Assert.Empty(byName.Periods);
        Assert.Equal(["2025 vår"], byName.Unknown);
        Assert.Equal([Spring, sameName], byId.Periods);
        Assert.Equal(["2025-1", "2025-04-01", "2025-host"], periods.Select(period => PeriodSelector.Handle(periods, period)));
    }

    [Fact]
    public void An_id_typed_as_it_is_wins_over_a_name_that_reads_the_same()
    {
        var namedLikeAnId = Gap with { Name = "2025-1" };

        var selection = PeriodSelector.Select([Spring, namedLikeAnId], ["2025-1"]);

        Assert.Equal([Spring], selection.Periods);
        Assert.True(RatingPeriod.NamesClash(Spring, "2025-1"));
    }
}
