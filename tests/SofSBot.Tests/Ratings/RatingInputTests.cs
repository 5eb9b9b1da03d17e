using System.Text.Json;
using SofSBot.Ratings;

namespace SofSBot.Tests.Ratings;

public sealed class RatingInputTests
{
    private static readonly IReadOnlyList<RatingGoal> Goals = GoalCatalogue.Seed;

    [Fact]
    public void Chosen_values_are_read_and_unanswered_goals_left_out()
    {
        var result = Parse("""{"roundId":"r1","goal.forhallningssatt":"7","goal.4f":"","goal.overall-self":"10","goal.arbetsramen":0}""");

        Assert.True(result.IsValid);
        Assert.Equal(new Dictionary<string, int> { ["forhallningssatt"] = 7, ["overall-self"] = 10, ["arbetsramen"] = 0 }, result.Values);
    }

    [Theory]
    [InlineData("11", "OutOfRange")]
    [InlineData("-1", "OutOfRange")]
    [InlineData("7.5", "NotANumber")]
    [InlineData("sju", "NotANumber")]
    public void A_value_that_is_not_a_whole_number_from_0_to_10_refuses_everything(string value, string error)
    {
        var result = Parse($$"""{"goal.forhallningssatt":"8","goal.4f":"{{value}}"}""");

        Assert.Equal(Enum.Parse<RatingInputError>(error), result.Error);
        Assert.Equal("4f", result.ErrorGoalId);
        Assert.Empty(result.Values);
    }

    [Fact]
    public void A_goal_the_round_does_not_ask_is_refused()
    {
        var result = Parse("""{"goal.forhallningssatt":"8","goal.invented":"5"}""");

        Assert.Equal(RatingInputError.UnknownGoal, result.Error);
        Assert.Empty(result.Values);
    }

    private static RatingInputResult Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return RatingInput.Parse(document.RootElement.Clone(), Goals);
    }
}
