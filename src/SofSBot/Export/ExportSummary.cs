using SofSBot.Ratings;

namespace SofSBot.Export;

/// <summary>A goal's figures in one team (or, with <see cref="Team"/> null, the whole organisation) in one period.</summary>
/// <param name="ShareAtOrAbove">The share of answers at or above the report level; null when withheld.</param>
internal sealed record GoalFigures(RatingPeriod Period, ExportTeam? Team, RatingGoal Goal, GoalResult Result, double? ShareAtOrAbove);

/// <summary>A goal's figures against the same period a year earlier; changes are null when either side is withheld.</summary>
internal sealed record GoalChange(GoalFigures Now, GoalFigures Before)
{
    public double? MeanChange => Now.Result.Mean - Before.Result.Mean;

    public double? ShareChange => Now.ShareAtOrAbove - Before.ShareAtOrAbove;
}

/// <summary>How many of a team's members answered anything in a period.</summary>
internal sealed record TeamResponse(RatingPeriod Period, ExportTeam Team, int Respondents, int? RosterSize)
{
    public double? Rate => RosterSize is > 0 ? Math.Min(1.0, (double)Respondents / RosterSize.Value) : null;
}

/// <summary>Everything the summary sheets and the report show, with the anonymity threshold applied.</summary>
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
    /// <summary>
    /// Builds the figures of <paramref name="periods"/>, and of the periods a year before them as far
    /// as <paramref name="tally"/> counted them (for the changes).
    /// </summary>
    public static ExportSummary Build(
        ExportCatalog catalog, ExportTally tally, IReadOnlyList<RatingPeriod> periods, int threshold, int level)
    {
        var teamGoals = new List<GoalFigures>();
        var goals = new List<GoalFigures>();
        var changes = new List<GoalChange>();
        var responses = new List<TeamResponse>();
        var withoutAnswers = new List<(RatingPeriod, ExportTeam)>();
        foreach (var period in periods)
        {
            var (periodTeamGoals, periodGoals) = Figures(catalog, tally, period, threshold, level);
            teamGoals.AddRange(periodTeamGoals);
            goals.AddRange(periodGoals);
            responses.AddRange(Teams(catalog, tally, period).Select(teamId =>
                new TeamResponse(period, catalog.Team(teamId), tally.RespondentsOf(period.PeriodId, teamId), catalog.RosterSize(period.PeriodId, teamId))));

            var answered = tally.TeamsOf(period.PeriodId).ToHashSet(StringComparer.Ordinal);
            withoutAnswers.AddRange(catalog.Teams
                .Where(team => !answered.Contains(team.TeamId) && (team.IsInstalled || catalog.TeamsAsked(period.PeriodId).Contains(team.TeamId)))
                .Select(team => (period, team)));

            if (PeriodSelector.YearEarlier(catalog.Periods, period) is { } earlier)
            {
                var (earlierTeamGoals, earlierGoals) = Figures(catalog, tally, earlier, threshold, level);
                changes.AddRange(Compare(periodTeamGoals, earlierTeamGoals, earlier, threshold));
                changes.AddRange(Compare(periodGoals, earlierGoals, earlier, threshold));
            }
        }

        return new ExportSummary(periods, teamGoals, goals, changes, responses, withoutAnswers, threshold, level);
    }

    private static (List<GoalFigures> TeamGoals, List<GoalFigures> Goals) Figures(
        ExportCatalog catalog, ExportTally tally, RatingPeriod period, int threshold, int level)
    {
        var teamGoals = new List<GoalFigures>();
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
                if (!organisation.TryGetValue(goal.GoalId, out var total))
                {
                    organisation[goal.GoalId] = total = new ValueHistogram();
                }

                total.Add(histogram);
            }
        }

        var goals = organisation
            .Select(entry => catalog.Goal(entry.Key))
            .Where(goal => goal.Kind != GoalKind.Team)
            .OrderBy(goal => goal.Order)
            .Select(goal => Figure(period, null, goal, organisation[goal.GoalId], organisationRoster, threshold, level))
            .ToList();
        return (teamGoals, goals);
    }

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
