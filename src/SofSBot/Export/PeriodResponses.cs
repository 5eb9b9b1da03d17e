using SofSBot.Ratings;

namespace SofSBot.Export;

/// <summary>
/// Who took part in a period, in counts only: per team the members who answered anything against the
/// roster, the teams without a single answer, and the totals. No names of people, no answers; a team
/// below the anonymity threshold only as "fewer than N", and no total that would give it away.
/// </summary>
/// <param name="Answered">The teams with at least one answer, by name.</param>
/// <param name="WithoutAnswers">The teams asked (a round) or installed that have no answer at all, by name.</param>
internal sealed record PeriodResponses(RatingPeriod Period, IReadOnlyList<TeamResponse> Answered, IReadOnlyList<ExportTeam> WithoutAnswers)
{
    public int Respondents => Answered.Sum(team => team.Respondents);

    public int TeamCount => Answered.Count + WithoutAnswers.Count;

    /// <summary>The members of the teams whose roster is known (answered or not); null when none is.</summary>
    public int? RosterSize { get; init; }

    /// <summary>The respondents of the teams whose roster is known: what <see cref="Rate"/> counts.</summary>
    public int RespondentsWithRoster { get; init; }

    /// <summary><see cref="RespondentsWithRoster"/> against <see cref="RosterSize"/>.</summary>
    public double? Rate { get; init; }

    /// <summary>The total must not be shown: minus the teams shown it would give a small team's count away.</summary>
    public bool TotalWithheld { get; init; }

    /// <summary>The anonymity threshold the counts were disclosed with.</summary>
    public int Threshold { get; init; } = 3;

    public static PeriodResponses From(RatingPeriod period, ExportSummary summary)
    {
        var responses = summary.Responses.Where(response => response.Period == period).ToList();
        var answered = responses.Where(response => response.Respondents > 0).ToList();
        var withoutAnswers = summary.TeamsWithoutAnswers.Where(entry => entry.Period == period).Select(entry => entry.Team).ToList();
        var total = summary.ResponseTotalOf(period);
        return new PeriodResponses(period, answered, withoutAnswers)
        {
            RosterSize = total?.RosterSize,
            RespondentsWithRoster = total?.Respondents ?? 0,
            Rate = total?.Rate,
            TotalWithheld = total is { IsShown: false },
            Threshold = summary.Threshold,
        };
    }
}
