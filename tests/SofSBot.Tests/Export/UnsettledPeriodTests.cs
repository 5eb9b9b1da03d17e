using SofSBot.Export;
using SofSBot.Ratings;

namespace SofSBot.Tests.Export;

/// <summary>
/// Each export passes the subtraction rule on its own, but two exports of one period taken before and
/// after a one-answer round closes would differ by exactly that answer: teams B (5), C (2) and D (1)
/// leave a hidden remainder of 3, team A's single answer makes it 4, and both organisation rows would
/// be shown. The organisation's figures of a period are shown only once it is settled (ended, no round
/// taking answers), so the first export shows none to subtract from.
/// </summary>
public sealed class UnsettledPeriodTests
{
    private static readonly RatingPeriod Period = new("2025-1", "2025 vår", new(2025, 1, 1), new(2025, 6, 30));

    private static readonly string Goal = GoalCatalogue.Seed.First(g => g.Kind == GoalKind.Organisation).GoalId;

    [Fact]
    public void Organisation_figures_of_a_period_still_taking_answers_are_withheld_so_a_later_export_cannot_be_differenced()
    {
        var before = Answers(includeTeamA: false);
        var after = Answers(includeTeamA: true);

        var first = OrganisationRow(before, settled: false);
        var second = OrganisationRow(after, settled: true);

        Assert.True(first.Result.Withheld);
        Assert.Null(first.Result.Mean);
        Assert.False(second.Result.Withheld);
    }

    [Fact]
    public void Without_the_rule_the_two_exports_give_team_As_answer_away()
    {
        // The attack the rule stops, shown on settled figures both times.
        var (n1, m1) = (OrganisationRow(Answers(includeTeamA: false), settled: true).Result.Respondents, OrganisationRow(Answers(includeTeamA: false), settled: true).Result.Mean!.Value);
        var second = OrganisationRow(Answers(includeTeamA: true), settled: true).Result;

        Assert.Equal(1, second.Respondents - n1);
        Assert.Equal(0, Math.Round((second.Respondents * second.Mean!.Value) - (n1 * m1), 6));
    }

    private static List<ExportAnswer> Answers(bool includeTeamA)
    {
        var at = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var answers = new List<ExportAnswer>();
        void Add(string team, string user, int value) => answers.Add(new ExportAnswer(Period.PeriodId, team, "r" + team, user, Goal, value, at));
        for (var i = 0; i < 5; i++)
        {
            Add("B", $"b{i}", 8);
        }

        Add("C", "c0", 6);
        Add("C", "c1", 7);
        Add("D", "d0", 9);
        if (includeTeamA)
        {
            Add("A", "alone", 0);
        }

        return answers;
    }

    private static GoalFigures OrganisationRow(List<ExportAnswer> answers, bool settled)
    {
        var tally = new ExportTally();
        answers.ForEach(tally.Add);
        var catalog = new ExportCatalog([Period], [new("A", "Team A", true), new("B", "Team B", true), new("C", "Team C", true), new("D", "Team D", true)], []);
        var summary = ExportSummary.Build(catalog, tally, [Period], 3, 7, _ => settled);
        return summary.Goals.Single(f => f.Goal.GoalId == Goal);
    }
}
