using SofSBot.Localization;
using SofSBot.Ratings;

namespace SofSBot.Export;

/// <summary>
/// What an export names and counts against, read before the answers: all periods, the teams, and
/// the rounds of the periods exported (their goal copies give the titles, their rosters the
/// response rates).
/// </summary>
internal sealed class ExportCatalog(IReadOnlyList<RatingPeriod> periods, IReadOnlyList<ExportTeam> teams, IReadOnlyList<RatingRound> rounds)
{
    private readonly Dictionary<string, ExportTeam> _teams = teams.ToDictionary(team => team.TeamId, StringComparer.Ordinal);

    private readonly Dictionary<string, RatingGoal> _goals = rounds
        .OrderBy(round => round.OpenedAt)
        .SelectMany(round => round.Goals)
        .Concat(GoalCatalogue.Seed)
        .GroupBy(goal => goal.GoalId, StringComparer.Ordinal)
        .ToDictionary(group => group.Key, group => group.Last(), StringComparer.Ordinal);

    public IReadOnlyList<RatingPeriod> Periods { get; } = periods;

    public IReadOnlyList<ExportTeam> Teams { get; } = teams;

    public IReadOnlyList<RatingRound> Rounds { get; } = rounds;

    public ExportTeam Team(string teamId) => _teams.GetValueOrDefault(teamId) ?? new ExportTeam(teamId, teamId, IsInstalled: false);

    /// <summary>The goal as the newest round asked it; a goal no round knows is named by its id.</summary>
    public RatingGoal Goal(string goalId) => _goals.GetValueOrDefault(goalId)
        ?? new RatingGoal(goalId, GoalKind.Team, new(goalId, goalId), new(string.Empty, string.Empty), new(string.Empty, string.Empty), new(string.Empty, string.Empty), int.MaxValue);

    /// <summary>The goals the team's rounds in the period asked.</summary>
    public IEnumerable<string> GoalsAsked(string periodId, string teamId) =>
        Rounds.Where(round => round.PeriodId == periodId && round.TeamId == teamId).SelectMany(round => round.Goals).Select(goal => goal.GoalId);

    /// <summary>The teams that had a round in the period.</summary>
    public IEnumerable<string> TeamsAsked(string periodId) =>
        Rounds.Where(round => round.PeriodId == periodId).Select(round => round.TeamId).Distinct(StringComparer.Ordinal);

    /// <summary>The team's members as its rounds in the period counted them (the largest); null when unknown.</summary>
    public int? RosterSize(string periodId, string teamId) =>
        Rounds.Where(round => round.PeriodId == periodId && round.TeamId == teamId && round.RosterCount is > 0)
            .Max(round => round.RosterCount);

    public static string Title(RatingGoal goal, Language language) => goal.Title.In(language);
}
