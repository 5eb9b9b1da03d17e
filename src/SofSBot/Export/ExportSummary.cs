using SofSBot.Ratings;
using SofSBot.Ratings.Disclosure;

namespace SofSBot.Export;

/// <summary>A goal's figures in one team (or, with <see cref="Team"/> null, the whole organisation) in one period.</summary>
/// <param name="ShareAtOrAbove">The share of answers at or above the report level; null when withheld.</param>
internal sealed record GoalFigures(RatingPeriod Period, ExportTeam? Team, RatingGoal Goal, GoalResult Result, double? ShareAtOrAbove);

/// <summary>A goal's figures against the same period a year earlier; changes are null unless both sides are shown.</summary>
internal sealed record GoalChange(GoalFigures Now, GoalFigures Before)
{
    public bool MayCompare => StatisticalDisclosure.MayCompare(Now.Result.Suppression, Before.Result.Suppression);

    public double? MeanChange => MayCompare ? Now.Result.Mean - Before.Result.Mean : null;

    public double? ShareChange => MayCompare ? Now.ShareAtOrAbove - Before.ShareAtOrAbove : null;
}

/// <summary>
/// How many of a team's members answered anything in a period. Below the threshold (see
/// <see cref="Suppression"/>) neither the count nor the rate may be shown, only "fewer than N".
/// </summary>
internal sealed record TeamResponse(RatingPeriod Period, ExportTeam Team, int Respondents, int? RosterSize, Suppression Suppression = Suppression.None)
{
    /// <summary>The response rate, when the count may be shown and the roster is known.</summary>
    public double? Rate => StatisticalDisclosure.ShowsCount(Suppression) && RosterSize is > 0 ? Math.Min(1.0, (double)Respondents / RosterSize.Value) : null;
}

/// <summary>
/// The respondents of a period in all: over the teams whose roster is known when any is (so the rate
/// is respondents of members), otherwise over every team. With <see cref="Suppression"/> other than
/// none the count and rate must not be shown: they would give a small team away by subtraction.
/// </summary>
internal sealed record ResponseTotal(RatingPeriod Period, int Respondents, int? RosterSize, Suppression Suppression)
{
    public bool IsShown => StatisticalDisclosure.ShowsCount(Suppression);

    public double? Rate => IsShown && RosterSize is > 0 ? Math.Min(1.0, (double)Respondents / RosterSize.Value) : null;
}

/// <summary>
/// Everything the summary sheets, the answer rows and the report show, with
/// <see cref="StatisticalDisclosure"/> applied per period: teams below the threshold withheld, and an
/// organisation figure or total withheld when it would give one of them away by subtraction.
/// </summary>
internal sealed record ExportSummary(
    IReadOnlyList<RatingPeriod> Periods,
    IReadOnlyList<GoalFigures> TeamGoals,
    IReadOnlyList<GoalFigures> Goals,
    IReadOnlyList<GoalChange> Changes,
    IReadOnlyList<TeamResponse> Responses,
    IReadOnlyList<(RatingPeriod Period, ExportTeam Team)> TeamsWithoutAnswers,
    int Threshold,
    int Level)
{
    private HashSet<(string PeriodId, string TeamId, string GoalId)>? _shownCells;

    /// <summary>The respondents of each period in all (see <see cref="ResponseTotal"/>).</summary>
    public IReadOnlyList<ResponseTotal> ResponseTotals { get; init; } = [];

    public ResponseTotal? ResponseTotalOf(RatingPeriod period) => ResponseTotals.FirstOrDefault(total => total.Period == period);

    /// <summary>
    /// Whether an answer's row may be exported: only when its team's figures for the goal and the
    /// team's count are shown, so the rows tell nothing the figures do not.
    /// </summary>
    public bool ShowsAnswersOf(string periodId, string teamId, string goalId)
    {
        if (_shownCells is null)
        {
            var shownTeams = Responses.Where(response => response.Suppression == Suppression.None)
                .Select(response => (response.Period.PeriodId, response.Team.TeamId)).ToHashSet();
            _shownCells = [.. TeamGoals
                .Where(figure => figure.Team is not null && !figure.Result.Withheld && shownTeams.Contains((figure.Period.PeriodId, figure.Team.TeamId)))
                .Select(figure => (figure.Period.PeriodId, figure.Team!.TeamId, figure.Goal.GoalId))];
        }

        return _shownCells.Contains((periodId, teamId, goalId));
    }

    /// <summary>The answers whose figures are shown in the periods (what the answer rows hold).</summary>
    public long ShownAnswers => TeamGoals.Where(figure => Periods.Contains(figure.Period) && !figure.Result.Withheld).Sum(figure => (long)figure.Result.Respondents);

    /// <summary>
    /// Builds the figures of <paramref name="periods"/>, and of the periods a year before them as far
    /// as <paramref name="tally"/> counted them (for the changes).
    /// </summary>
    /// <param name="isSettled">
    /// Whether a period's answers can no longer change (it has ended and none of its rounds takes
    /// answers). The organisation's figures of a period that is not settled are withheld: two exports,
    /// before and after one more small round closes, would otherwise differ by exactly that round's
    /// answers, however each export alone passes the subtraction rule. Null: every period is settled.
    /// </param>
    public static ExportSummary Build(
        ExportCatalog catalog, ExportTally tally, IReadOnlyList<RatingPeriod> periods, int threshold, int level, Func<RatingPeriod, bool>? isSettled = null)
    {
        var teamGoals = new List<GoalFigures>();
        var goals = new List<GoalFigures>();
        var changes = new List<GoalChange>();
        var responses = new List<TeamResponse>();
        var totals = new List<ResponseTotal>();
        var withoutAnswers = new List<(RatingPeriod, ExportTeam)>();
        foreach (var period in periods)
        {
            var (periodTeamGoals, periodGoals) = Figures(catalog, tally, period, threshold, level, isSettled?.Invoke(period) ?? true);
            teamGoals.AddRange(periodTeamGoals);
            goals.AddRange(periodGoals);
            var (periodResponses, total) = CountResponses(catalog, tally, period, threshold);
            responses.AddRange(periodResponses);
            totals.Add(total);

            var answered = tally.TeamsOf(period.PeriodId).ToHashSet(StringComparer.Ordinal);
            withoutAnswers.AddRange(catalog.Teams
                .Where(team => !answered.Contains(team.TeamId) && !tally.HasOpenAnswers(period.PeriodId, team.TeamId) && (team.IsInstalled || catalog.TeamsAsked(period.PeriodId).Contains(team.TeamId)))
                .Select(team => (period, team)));

            if (PeriodSelector.YearEarlier(catalog.Periods, period) is { } earlier)
            {
                var (earlierTeamGoals, earlierGoals) = Figures(catalog, tally, earlier, threshold, level, isSettled?.Invoke(earlier) ?? true);
                changes.AddRange(Compare(periodTeamGoals, earlierTeamGoals, earlier, threshold));
                changes.AddRange(Compare(periodGoals, earlierGoals, earlier, threshold));
            }
        }

        return new ExportSummary(periods, teamGoals, goals, changes, responses, withoutAnswers, threshold, level) { ResponseTotals = totals };
    }

    /// <summary>Each team's respondents, and the period's total over the teams the rate counts.</summary>
    private static (List<TeamResponse> Teams, ResponseTotal Total) CountResponses(ExportCatalog catalog, ExportTally tally, RatingPeriod period, int threshold)
    {
        var teams = Teams(catalog, tally, period)
            .Select(teamId => new TeamResponse(period, catalog.Team(teamId), tally.RespondentsOf(period.PeriodId, teamId), catalog.RosterSize(period.PeriodId, teamId)))
            .ToList();
        var disclosed = StatisticalDisclosure.ForTable([.. teams.Select(team => team.Respondents)], threshold);
        teams = [.. teams.Select((team, i) => team with { Suppression = disclosed.Groups[i] })];

        // The total the period-end card and the report show: of members when any roster is known.
        var counted = teams.Any(team => team.RosterSize is > 0) ? teams.Where(team => team.RosterSize is > 0).ToList() : teams;
        var total = StatisticalDisclosure.ForTable([.. counted.Select(team => team.Respondents)], threshold).Total;
        int? roster = counted.Any(team => team.RosterSize is > 0) ? counted.Sum(team => team.RosterSize!.Value) : null;
        return (teams, new ResponseTotal(period, counted.Sum(team => team.Respondents), roster, total));
    }

    private static (List<GoalFigures> TeamGoals, List<GoalFigures> Goals) Figures(
        ExportCatalog catalog, ExportTally tally, RatingPeriod period, int threshold, int level, bool settled)
    {
        var teamGoals = new List<GoalFigures>();
        var rounds = new List<IReadOnlyList<int>>();
        var organisation = new Dictionary<string, ValueHistogram>(StringComparer.Ordinal);
        int? organisationRoster = null;
        foreach (var teamId in Teams(catalog, tally, period))
        {
            var team = catalog.Team(teamId);
            var roster = catalog.RosterSize(period.PeriodId, teamId);
            organisationRoster = roster is { } size ? (organisationRoster ?? 0) + size : organisationRoster;
            var goalIds = catalog.GoalsAsked(period.PeriodId, teamId).Concat(tally.GoalsOf(period.PeriodId)).Distinct(StringComparer.Ordinal);
            foreach (var goal in goalIds.Select(catalog.Goal).OrderBy(goal => goal.Order).ThenBy(goal => goal.GoalId, StringComparer.Ordinal))
            {
                var histogram = tally.For(period.PeriodId, teamId, goal.GoalId);
                if (histogram.Count == 0 && !catalog.GoalsAsked(period.PeriodId, teamId).Contains(goal.GoalId))
                {
                    // Another team's own goal, or one this team's rounds never asked.
                    continue;
                }

                teamGoals.Add(Figure(period, team, goal, histogram, roster, threshold, level));
                rounds.Add(tally.RoundCounts(period.PeriodId, teamId, goal.GoalId));
                if (!organisation.TryGetValue(goal.GoalId, out var total))
                {
                    organisation[goal.GoalId] = total = new ValueHistogram();
                }

                total.Add(histogram);
            }
        }

        // Per goal: the teams (each the total of its rounds, shown on the rounds' cards) and the organisation.
        var organisationSuppression = new Dictionary<string, Suppression>(StringComparer.Ordinal);
        foreach (var goalId in teamGoals.Select(figure => figure.Goal.GoalId).Distinct(StringComparer.Ordinal).ToList())
        {
            var indices = Enumerable.Range(0, teamGoals.Count).Where(i => teamGoals[i].Goal.GoalId == goalId).ToList();
            var disclosed = StatisticalDisclosure.ForNested([.. indices.Select(i => rounds[i])], threshold);
            for (var k = 0; k < indices.Count; k++)
            {
                if (disclosed.Groups[k] == Suppression.ProtectsSmallGroup)
                {
                    teamGoals[indices[k]] = Suppress(teamGoals[indices[k]], Suppression.ProtectsSmallGroup);
                }
            }

            organisationSuppression[goalId] = settled ? disclosed.Total : Suppression.ProtectsSmallGroup;
        }

        var goals = organisation
            .Select(entry => catalog.Goal(entry.Key))
            .Where(goal => goal.Kind != GoalKind.Team)
            .OrderBy(goal => goal.Order)
            .Select(goal => Suppress(Figure(period, null, goal, organisation[goal.GoalId], organisationRoster, threshold, level), organisationSuppression[goal.GoalId]))
            .ToList();
        return (teamGoals, goals);
    }

    /// <summary>The figure withheld for the reason given (primary suppression is already in it).</summary>
    private static GoalFigures Suppress(GoalFigures figure, Suppression reason) =>
        reason == Suppression.None || figure.Result.Withheld ? figure : figure with { Result = figure.Result.Suppress(reason), ShareAtOrAbove = null };

    private static GoalFigures Figure(
        RatingPeriod period, ExportTeam? team, RatingGoal goal, ValueHistogram histogram, int? roster, int threshold, int level)
    {
        var result = RatingAggregation.Aggregate(goal.GoalId, histogram.Values, roster, threshold);
        return new GoalFigures(period, team, goal, result, result.Withheld ? null : histogram.ShareAtOrAbove(level));
    }

    private static IEnumerable<GoalChange> Compare(
        IEnumerable<GoalFigures> now, IReadOnlyList<GoalFigures> before, RatingPeriod earlier, int threshold) =>
        now.Select(figures => new GoalChange(
            figures,
            before.FirstOrDefault(b => b.Team?.TeamId == figures.Team?.TeamId && b.Goal.GoalId == figures.Goal.GoalId)
                ?? new GoalFigures(earlier, figures.Team, figures.Goal, RatingAggregation.Aggregate(figures.Goal.GoalId, [], null, threshold), null)))
            .Where(change => change.Now.Goal.Kind != GoalKind.Team);

    /// <summary>The teams with a round or an answer in the period, by name.</summary>
    private static IEnumerable<string> Teams(ExportCatalog catalog, ExportTally tally, RatingPeriod period) =>
        catalog.TeamsAsked(period.PeriodId).Concat(tally.TeamsOf(period.PeriodId))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(teamId => catalog.Team(teamId).Name, StringComparer.CurrentCultureIgnoreCase);
}
