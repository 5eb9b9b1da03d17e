using SofSBot.Ratings.Disclosure;

namespace SofSBot.Ratings;

/// <summary>The figures of a round per goal, with the anonymity threshold applied (<see cref="StatisticalDisclosure.ForGroup"/>).</summary>
internal static class RatingAggregation
{
    /// <param name="rosterSize">The team's members; null when the roster could not be read.</param>
    /// <param name="threshold">Fewer respondents than this and a goal's figures are withheld.</param>
    public static IReadOnlyList<GoalResult> Aggregate(
        IReadOnlyList<RatingGoal> goals, IEnumerable<RatingAnswer> answers, int? rosterSize, int threshold)
    {
        var valuesByGoal = answers
            .Where(answer => RatingScale.IsValid(answer.Value))
            .GroupBy(answer => answer.GoalId, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Select(answer => answer.Value).ToList(), StringComparer.Ordinal);

        return [.. goals.OrderBy(goal => goal.Order).Select(goal =>
            Aggregate(goal.GoalId, valuesByGoal.GetValueOrDefault(goal.GoalId) ?? [], rosterSize, threshold))];
    }

    public static GoalResult Aggregate(string goalId, IReadOnlyList<int> values, int? rosterSize, int threshold)
    {
        var respondents = values.Count;
        var suppression = StatisticalDisclosure.ForGroup(respondents, threshold);
        if (suppression != Suppression.None)
        {
            return new GoalResult(goalId, respondents, suppression, null, null, null, []);
        }

        var distribution = new int[RatingScale.Max - RatingScale.Min + 1];
        foreach (var value in values)
        {
            distribution[value - RatingScale.Min]++;
        }

        // More answers than members happens when someone answered and then left the team.
        double? responseRate = rosterSize is > 0 ? Math.Min(1.0, (double)respondents / rosterSize.Value) : null;
        return new GoalResult(goalId, respondents, Suppression.None, values.Average(), Median(values), responseRate, distribution);
    }

    /// <summary>The middle value, or the mean of the two middle values for an even count.</summary>
    public static double Median(IReadOnlyList<int> values)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("The median of no values is undefined.", nameof(values));
        }

        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }
}
