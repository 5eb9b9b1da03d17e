using SofSBot.Ratings;

namespace SofSBot.Tests.Ratings;

public sealed class RatingAggregationTests
{
    private static readonly RatingGoal Goal = GoalCatalogue.Seed[0];

    [Fact]
    public void Mean_median_respondents_response_rate_and_distribution_of_one_goal()
    {
        var result = RatingAggregation.Aggregate(Goal.GoalId, [7, 8, 8, 10, 5], rosterSize: 8, threshold: 3);

        Assert.False(result.Withheld);
        Assert.Equal(5, result.Respondents);
        Assert.Equal(7.6, result.Mean!.Value, precision: 10);
        Assert.Equal(8, result.Median);
        Assert.Equal(5 / 8.0, result.ResponseRate!.Value, precision: 10);
        Assert.Equal([0, 0, 0, 0, 0, 1, 0, 1, 2, 0, 1], result.Distribution);
    }

    [Fact]
    public void Median_of_an_even_count_is_the_mean_of_the_middle_two()
    {
        Assert.Equal(6.5, RatingAggregation.Median([9, 4, 6, 7]));
    }

    [Fact]
    public void Fewer_respondents_than_the_threshold_show_no_figure_at_all()
    {
        var result = RatingAggregation.Aggregate(Goal.GoalId, [2, 9], rosterSize: 6, threshold: 3);

        Assert.True(result.Withheld);
        Assert.Null(result.Mean);
        Assert.Null(result.Median);
        Assert.Null(result.ResponseRate);
        Assert.Empty(result.Distribution);
    }

    [Fact]
    public void A_higher_threshold_withholds_a_group_that_the_default_would_show()
    {
        Assert.False(RatingAggregation.Aggregate(Goal.GoalId, [5, 6, 7, 8], 10, threshold: 3).Withheld);
        Assert.True(RatingAggregation.Aggregate(Goal.GoalId, [5, 6, 7, 8], 10, threshold: 5).Withheld);
    }

    [Fact]
    public void Response_rate_is_unknown_without_a_roster_and_never_above_one()
    {
        Assert.Null(RatingAggregation.Aggregate(Goal.GoalId, [5, 6, 7], rosterSize: null, threshold: 3).ResponseRate);
        Assert.Equal(1.0, RatingAggregation.Aggregate(Goal.GoalId, [5, 6, 7, 8], rosterSize: 3, threshold: 3).ResponseRate);
    }

    [Fact]
    public void Each_goal_is_aggregated_on_its_own_answers_in_the_catalogue_order()
    {
        var goals = new[] { GoalCatalogue.Seed[1], GoalCatalogue.Seed[0] };
        var now = DateTimeOffset.UnixEpoch;
        RatingAnswer[] answers =
        [
            new("29:a", Goal.GoalId, 6, now), new("29:b", Goal.GoalId, 8, now), new("29:c", Goal.GoalId, 10, now),
            new("29:a", GoalCatalogue.Seed[1].GoalId, 3, now),
            new("29:d", Goal.GoalId, 11, now), // out of range: never counted
        ];

        var results = RatingAggregation.Aggregate(goals, answers, rosterSize: 4, threshold: 3);

        Assert.Equal([Goal.GoalId, GoalCatalogue.Seed[1].GoalId], results.Select(r => r.GoalId));
        Assert.Equal(8, results[0].Mean);
        Assert.Equal(3, results[0].Respondents);
        Assert.True(results[1].Withheld);
    }
}
