namespace SofSBot.Ratings;

/// <summary>
/// A round's figures for one goal. When fewer than the anonymity threshold answered,
/// <see cref="Withheld"/> is true and only <see cref="Respondents"/> is known to the code — the
/// cards show "too few answers" instead of any figure.
/// </summary>
/// <param name="ResponseRate">Respondents per member of the team (0–1); null when the roster is unknown.</param>
/// <param name="Distribution">How many answered 0, 1, …, 10 (eleven counts); empty when withheld.</param>
internal sealed record GoalResult(
    string GoalId,
    int Respondents,
    bool Withheld,
    double? Mean,
    double? Median,
    double? ResponseRate,
    IReadOnlyList<int> Distribution);
