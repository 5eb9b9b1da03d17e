using SofSBot.Ratings.Disclosure;

namespace SofSBot.Ratings;

/// <summary>
/// A round's (or an export's) figures for one goal. When <see cref="Suppression"/> says so, the
/// figures are null and <see cref="Respondents"/> is known only to the code: what may be shown is
/// decided by <see cref="StatisticalDisclosure"/>.
/// </summary>
/// <param name="ResponseRate">Respondents per member of the team (0–1); null when the roster is unknown or the figures are withheld.</param>
/// <param name="Distribution">How many answered 0, 1, …, 10 (eleven counts); empty when withheld.</param>
internal sealed record GoalResult(
    string GoalId,
    int Respondents,
    Suppression Suppression,
    double? Mean,
    double? Median,
    double? ResponseRate,
    IReadOnlyList<int> Distribution)
{
    /// <summary>No figure may be shown.</summary>
    public bool Withheld => Suppression != Suppression.None;

    /// <summary>The same result with its figures taken away, for the reason given.</summary>
    public GoalResult Suppress(Suppression reason) =>
        reason == Suppression.None ? this : this with { Suppression = reason, Mean = null, Median = null, ResponseRate = null, Distribution = [] };
}
