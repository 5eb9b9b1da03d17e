using System.Globalization;
using SofSBot.Ratings.Disclosure;
using SofSBot.Tests.Export;

namespace SofSBot.Tests.Ratings.Disclosure;

/// <summary>The disclosure rules on their own: which groups and totals may be shown, by their counts alone.</summary>
public sealed class StatisticalDisclosureTests
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    [Fact]
    public void One_group_of_one_among_groups_of_three_four_and_five_is_hidden_and_so_is_the_total()
    {
        var table = StatisticalDisclosure.ForTable([1, 3, 4, 5], threshold: 3);

        Assert.Equal([Suppression.TooFew, Suppression.None, Suppression.None, Suppression.None], table.Groups);
        // 13 − (3 + 4 + 5) = 1: the total would give the one away.
        Assert.Equal(Suppression.ProtectsSmallGroup, table.Total);
    }

    [Fact]
    public void Team_A_of_one_beside_team_B_of_three_hides_A_and_the_total_and_shows_B()
    {
        var table = StatisticalDisclosure.ForTable([1, 3], threshold: 3);

        Assert.Equal([Suppression.TooFew, Suppression.None], table.Groups);
        Assert.Equal(Suppression.ProtectsSmallGroup, table.Total);
    }

    [Fact]
    public void Two_small_groups_of_one_hide_the_total_as_their_two_answers_together_are_still_too_few()
    {
        var table = StatisticalDisclosure.ForTable([1, 5, 1], threshold: 3);

        Assert.Equal([Suppression.TooFew, Suppression.None, Suppression.TooFew], table.Groups);
        Assert.Equal(Suppression.ProtectsSmallGroup, table.Total);
    }

    [Fact]
    public void Two_small_groups_with_three_answers_together_leave_the_total_shown()
    {
        // 12 − (4 + 5) = 3: the two small teams together, as many as the threshold.
        var table = StatisticalDisclosure.ForTable([1, 4, 2, 5], threshold: 3);

        Assert.Equal([Suppression.TooFew, Suppression.None, Suppression.TooFew, Suppression.None], table.Groups);
        Assert.Equal(Suppression.None, table.Total);
    }

    [Fact]
    public void Groups_without_answers_show_their_zero_and_take_nothing_from_the_total()
    {
        var table = StatisticalDisclosure.ForTable([0, 4, 3, 0], threshold: 3);

        Assert.Equal([Suppression.NoAnswers, Suppression.None, Suppression.None, Suppression.NoAnswers], table.Groups);
        Assert.Equal(Suppression.None, table.Total);
    }

    [Fact]
    public void A_total_below_the_threshold_is_hidden_as_a_group_is()
    {
        Assert.Equal(Suppression.TooFew, StatisticalDisclosure.ForTable([1, 1], threshold: 3).Total);
        Assert.Equal(Suppression.TooFew, StatisticalDisclosure.ForTable([2], threshold: 3).Total);
        Assert.Equal(Suppression.NoAnswers, StatisticalDisclosure.ForTable([0, 0], threshold: 3).Total);
        Assert.Equal(Suppression.NoAnswers, StatisticalDisclosure.ForTable([], threshold: 3).Total);
    }

    [Fact]
    public void A_higher_threshold_hides_more()
    {
        var table = StatisticalDisclosure.ForTable([4, 5, 6], threshold: 5);

        Assert.Equal([Suppression.TooFew, Suppression.None, Suppression.None], table.Groups);
        Assert.Equal(Suppression.ProtectsSmallGroup, table.Total);
    }

    [Fact]
    public void A_year_over_year_change_is_shown_only_when_both_years_are()
    {
        // This year team Ett has 1 answer, a year earlier 4; team Tre the other way round.
        var now = StatisticalDisclosure.ForTable([1, 3, 4], threshold: 3);
        var before = StatisticalDisclosure.ForTable([4, 2, 3], threshold: 3);

        Assert.False(StatisticalDisclosure.MayCompare(now.Groups[0], before.Groups[0]));
        Assert.False(StatisticalDisclosure.MayCompare(now.Groups[1], before.Groups[1]));
        Assert.True(StatisticalDisclosure.MayCompare(now.Groups[2], before.Groups[2]));
        // Both totals would give a small team away in their own year, so neither is compared.
        Assert.Equal(Suppression.ProtectsSmallGroup, now.Total);
        Assert.Equal(Suppression.ProtectsSmallGroup, before.Total);
        Assert.False(StatisticalDisclosure.MayCompare(now.Total, before.Total));
    }

    [Fact]
    public void A_team_with_a_round_of_four_and_a_round_of_two_is_withheld_for_the_period_as_is_the_organisation()
    {
        // Round one's card shows its four; the period's six less those four would give the two.
        var alone = StatisticalDisclosure.ForNested([[4, 2]], threshold: 3);
        Assert.Equal([Suppression.ProtectsSmallGroup], alone.Groups);
        Assert.Equal(Suppression.ProtectsSmallGroup, alone.Total);

        // Beside a team of five, the organisation less the five and less round one leaves the two.
        var beside = StatisticalDisclosure.ForNested([[4, 2], [5]], threshold: 3);
        Assert.Equal([Suppression.ProtectsSmallGroup, Suppression.None], beside.Groups);
        Assert.Equal(Suppression.ProtectsSmallGroup, beside.Total);

        // With a small team of one, the hidden answers together are three: the organisation is shown.
        var withSmall = StatisticalDisclosure.ForNested([[4, 2], [1], [5]], threshold: 3);
        Assert.Equal([Suppression.ProtectsSmallGroup, Suppression.TooFew, Suppression.None], withSmall.Groups);
        Assert.Equal(Suppression.None, withSmall.Total);

        // Rounds that are all shown, or all hidden, give nothing away.
        Assert.Equal([Suppression.None], StatisticalDisclosure.ForNested([[4, 3]], threshold: 3).Groups);
        Assert.Equal([Suppression.None], StatisticalDisclosure.ForNested([[2, 2]], threshold: 3).Groups);
        Assert.Equal([Suppression.None], StatisticalDisclosure.ForNested([[4, 1, 2]], threshold: 3).Groups);
    }

    [Fact]
    public void No_organisation_of_up_to_three_teams_with_up_to_two_rounds_lets_a_small_round_or_team_be_worked_out()
    {
        const int threshold = 3;
        var attacker = new DisclosureAttacker(threshold);
        foreach (var counts in Tables(groups: 6, max: 5))
        {
            IReadOnlyList<IReadOnlyList<int>> teams = [[.. counts[0..2].Where(n => n > 0)], [.. counts[2..4].Where(n => n > 0)], [.. counts[4..6].Where(n => n > 0)]];
            var name = string.Join(" ", teams.Select(parts => "[" + string.Join(", ", parts) + "]"));
            var table = StatisticalDisclosure.ForNested(teams, threshold);

            // A team against its rounds' cards (a card shows a round at or above the threshold).
            for (var t = 0; t < teams.Count; t++)
            {
                var shown = table.Groups[t] == Suppression.None;
                attacker.Attack(
                    $"{name} team {t}",
                    [.. teams[t].Select((part, r) => new DisclosureAttacker.Group($"round {r}", part, part >= threshold ? part : null, part >= threshold))],
                    shown ? teams[t].Sum() : null,
                    shown);
            }

            // The organisation against the teams shown and, for the others, their rounds' cards.
            var groups = teams.SelectMany((parts, t) => table.Groups[t] == Suppression.None
                ? [new DisclosureAttacker.Group($"team {t}", parts.Sum(), parts.Sum(), true)]
                : parts.Select((part, r) => new DisclosureAttacker.Group($"team {t} round {r}", part, part >= threshold ? part : null, part >= threshold))).ToList();
            var totalShown = table.Total == Suppression.None;
            attacker.Attack($"{name} organisation", groups, totalShown ? teams.Sum(parts => parts.Sum()) : null, totalShown);
        }

        Assert.True(attacker.Leaks.Count == 0, string.Join("\n", attacker.Leaks.Take(20)));
    }

    [Fact]
    public void Counts_are_shown_as_the_number_as_fewer_than_the_threshold_or_not_at_all()
    {
        Assert.Equal("7", StatisticalDisclosure.CountText(7, Suppression.None, 3, Swedish));
        Assert.Equal("0", StatisticalDisclosure.CountText(0, Suppression.NoAnswers, 3, Swedish));
        Assert.Equal("< 3", StatisticalDisclosure.CountText(2, Suppression.TooFew, 3, Swedish));
        Assert.Equal("< 3", StatisticalDisclosure.CountText(1, Suppression.TooFew, 3, Swedish));
        Assert.Null(StatisticalDisclosure.CountText(9, Suppression.ProtectsSmallGroup, 3, Swedish));
        Assert.False(StatisticalDisclosure.ShowsCount(Suppression.TooFew));
        Assert.False(StatisticalDisclosure.ShowsCount(Suppression.ProtectsSmallGroup));
    }

    [Fact]
    public void Bad_input_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StatisticalDisclosure.ForGroup(-1, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => StatisticalDisclosure.ForGroup(2, 1));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void No_table_of_up_to_four_groups_of_up_to_seven_lets_a_small_group_be_worked_out(int threshold)
    {
        // Every combination, attacked as the export tests attack the files: read each group, and
        // subtract the shown groups' counts and figures from the total's.
        var attacker = new DisclosureAttacker(threshold);
        foreach (var counts in Tables(groups: 4, max: 7))
        {
            var table = StatisticalDisclosure.ForTable(counts, threshold);
            var groups = counts.Select((count, i) => new DisclosureAttacker.Group(
                $"[{string.Join(", ", counts)}] group {i}",
                count,
                StatisticalDisclosure.ShowsCount(table.Groups[i]) ? count : null,
                table.Groups[i] == Suppression.None)).ToList();
            var totalShown = table.Total == Suppression.None;
            attacker.Attack($"[{string.Join(", ", counts)}]", groups, totalShown ? counts.Sum() : null, totalShown);
        }

        Assert.True(attacker.Leaks.Count == 0, string.Join("\n", attacker.Leaks.Take(20)));
    }

    private static IEnumerable<int[]> Tables(int groups, int max)
    {
        if (groups == 0)
        {
            yield return [];
            yield break;
        }

        foreach (var rest in Tables(groups - 1, max))
        {
            for (var count = 0; count <= max; count++)
            {
                yield return [count, .. rest];
            }
        }
    }
}
