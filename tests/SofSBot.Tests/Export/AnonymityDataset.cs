using Microsoft.Extensions.DependencyInjection;
using SofSBot.Localization;
using SofSBot.Ratings;
using SofSBot.Storage;
using SofSBot.TeamsEvents;
using SofSBot.Tests.Infrastructure;

namespace SofSBot.Tests.Export;

/// <summary>
/// Answers chosen to attack the anonymity threshold, stored through the real stores, with the truth
/// kept beside them: how many really answered each goal in each team and period, so a test can tell
/// whether a shown figure lets a group below the threshold be worked out.
/// </summary>
internal sealed class AnonymityDataset
{
    public static readonly RatingPeriod Spring2024 = new("2024-1", "2024 vår", new(2024, 1, 1), new(2024, 6, 30));
    public static readonly RatingPeriod Spring2025 = new("2025-1", "2025 vår", new(2025, 1, 1), new(2025, 6, 30));
    public static readonly RatingPeriod Autumn2025 = new("2025-2", "2025 höst", new(2025, 7, 1), new(2025, 12, 31));

    public const string Approach = "forhallningssatt";
    public const string Self = "overall-self";

    private readonly List<(string Id, string Name, int Roster)> _teams = [];
    private readonly List<(RatingPeriod Period, string TeamId)> _rounds = [];
    private readonly List<(RatingPeriod Period, string TeamId, string User, string Goal, int Value)> _answers = [];

    public IReadOnlyList<RatingPeriod> Periods { get; } = [Spring2024, Spring2025, Autumn2025];

    public IEnumerable<string> TeamNames => _teams.Select(team => team.Name);

    /// <summary>
    /// The case: team A has one respondent who answers 2 to every goal, team B three who
    /// answer 8. Per goal the organisation has four answers, mean 6,5: 4 × 6,5 − 3 × 8 = 2.
    /// </summary>
    public static AnonymityDataset TeamAAndTeamB()
    {
        var data = new AnonymityDataset();
        var a = data.Team("Team A", roster: 6);
        var b = data.Team("Team B", roster: 5);
        data.Answer(Spring2025, a, "a1", [.. GoalCatalogue.Seed.Select(goal => (goal.GoalId, 2))]);
        foreach (var user in new[] { "b1", "b2", "b3" })
        {
            data.Answer(Spring2025, b, user, [.. GoalCatalogue.Seed.Select(goal => (goal.GoalId, 8))]);
        }

        return data;
    }

    /// <summary>
    /// 2025 vår: teams of 1, 3, 4 and 5 respondents and one of 2 (a member of team Fyra skips the
    /// overall question). 2025 höst: two teams of one respondent beside teams of 3 and 5. 2024 vår,
    /// the year before: team Ett had 4 respondents and team Tre 2, so the comparison has a small
    /// group on either side; team Fem had a round and no answers.
    /// </summary>
    public static AnonymityDataset ManyTeams()
    {
        var data = new AnonymityDataset();
        var one = data.Team("Team Ett", roster: 6);
        var three = data.Team("Team Tre", roster: 5);
        var four = data.Team("Team Fyra", roster: 6);
        var five = data.Team("Team Fem", roster: 8);
        var two = data.Team("Team Två", roster: 4);

        data.Answer(Spring2025, one, "e1", (Approach, 3), (Self, 4));
        data.Answers(Spring2025, three, "t", [6, 7, 8], [5, 6, 7]);
        data.Answers(Spring2025, four, "f", [7, 8, 9, 9], [8, 8, 9]);
        data.Answers(Spring2025, five, "v", [5, 6, 7, 8, 9], [7, 7, 7, 7, 7]);
        data.Answers(Spring2025, two, "w", [9, 10], [10, 10]);

        data.Answer(Autumn2025, one, "e1", (Approach, 1), (Self, 1));
        data.Answer(Autumn2025, two, "w1", (Approach, 10), (Self, 10));
        data.Answers(Autumn2025, three, "t", [6, 6, 8], [5, 5, 7]);
        data.Answers(Autumn2025, five, "v", [5, 6, 7, 8, 8], [7, 6, 7, 6, 7]);

        data.Answers(Spring2024, one, "e", [4, 5, 6, 7], [4, 5, 6, 7]);
        data.Answers(Spring2024, three, "t", [2, 9], [3, 9]);
        data.Answers(Spring2024, four, "f", [6, 7, 8], [6, 7, 8]);
        data._rounds.Add((Spring2024, five));
        return data;
    }

    /// <summary>
    /// One team with two rounds in 2025 vår: four answer the first (its results card shows their
    /// figures) and two the second (its card shows none). The period's figures minus the first
    /// card would give the two.
    /// </summary>
    public static AnonymityDataset TwoRoundsInOnePeriod()
    {
        var data = new AnonymityDataset();
        var team = data.Team("Team Ett", roster: 8);
        data.Answers(Spring2025, team, "first", [6, 7, 8, 9], [6, 7, 8, 9]);
        data.Answers(Spring2025, team, "second", [1, 2], [1, 2]);
        data._secondRound.UnionWith(["second1", "second2"]);
        return data;
    }

    private readonly HashSet<string> _secondRound = [];
    private bool _roundsOpen;

    /// <summary>Team Ett's round of 2025 vår is still open (its last day a week ahead), four have answered.</summary>
    public static AnonymityDataset OpenRound()
    {
        var data = new AnonymityDataset { _roundsOpen = true };
        var team = data.Team("Team Ett", roster: 8);
        data.Answers(Spring2025, team, "o", [6, 7, 8, 9], [6, 7, 8, 9]);
        return data;
    }

    public string Name(string teamId) => _teams.Single(team => team.Id == teamId).Name;

    public int Roster(string teamName) => _teams.Single(team => team.Name == teamName).Roster;

    /// <summary>How many answered the goal in the team (by name) in the period.</summary>
    public int Answered(RatingPeriod period, string teamName, string goalId) =>
        _answers.Count(answer => answer.Period == period && Name(answer.TeamId) == teamName && answer.Goal == goalId);

    /// <summary>How many answered anything in the team (by name) in the period.</summary>
    public int Respondents(RatingPeriod period, string teamName) =>
        _answers.Where(answer => answer.Period == period && Name(answer.TeamId) == teamName).Select(answer => answer.User).Distinct().Count();

    /// <summary>The teams with a round in the period, by name.</summary>
    public IEnumerable<string> TeamsIn(RatingPeriod period) =>
        _rounds.Select(round => (round.Period, round.TeamId)).Concat(_answers.Select(answer => (answer.Period, answer.TeamId)))
            .Where(entry => entry.Period == period).Select(entry => Name(entry.TeamId)).Distinct();

    public IEnumerable<string> Goals => _answers.Select(answer => answer.Goal).Distinct();

    public async Task SeedAsync(IServiceProvider services)
    {
        var teams = services.GetRequiredService<ITeamStore>();
        foreach (var (id, name, _) in _teams)
        {
            await teams.MarkInstalledAsync(new TeamInstallation(id, name, TeamsActivities.TenantId, FakeBotConnector.ServiceUrl, null), default);
        }

        var periods = services.GetRequiredService<IRatingPeriodStore>();
        foreach (var period in Periods)
        {
            await periods.UpsertAsync(period, default);
        }

        var store = new TableRatingAnswerStore(services.GetRequiredService<TableProvider>());
        var rounds = services.GetRequiredService<IRatingRoundStore>();
        foreach (var (period, teamId) in _rounds.Concat(_answers.Select(answer => (answer.Period, answer.TeamId))).Distinct())
        {
            var first = await rounds.CreateAsync(Round(teamId, period), default);
            foreach (var byUser in _answers.Where(answer => answer.Period == period && answer.TeamId == teamId).GroupBy(answer => answer.User))
            {
                var round = first;
                if (_secondRound.Contains(byUser.Key))
                {
                    var second = Round(teamId, period);
                    round = await rounds.GetAsync(teamId, second.RoundId + "-2", default)
                        ?? await rounds.CreateAsync(second with { RoundId = second.RoundId + "-2", OpenedAt = second.OpenedAt.AddDays(30) }, default);
                }

                // Each member answers at another time of day: an answer's time must not tell who it is.
                var at = round.OpenedAt.AddDays(1).AddMinutes(byUser.Key.Sum(c => c) * 37 % 600);
                await store.SaveAsync(round, "29:user-" + byUser.Key, byUser.ToDictionary(answer => answer.Goal, answer => answer.Value), at, default);
            }
        }
    }

    private string Team(string name, int roster)
    {
        var id = $"19:{name.Replace(' ', '-').Replace('å', 'a').ToLowerInvariant()}@thread.tacv2";
        _teams.Add((id, name, roster));
        return id;
    }

    private void Answer(RatingPeriod period, string teamId, string user, params (string Goal, int Value)[] values)
    {
        foreach (var (goal, value) in values)
        {
            _answers.Add((period, teamId, user, goal, value));
        }
    }

    /// <summary>Members prefix1, prefix2, … answer the approach and the overall question (fewer values: fewer answer it).</summary>
    private void Answers(RatingPeriod period, string teamId, string prefix, int[] approach, int[] self)
    {
        for (var i = 0; i < Math.Max(approach.Length, self.Length); i++)
        {
            List<(string, int)> values = [];
            if (i < approach.Length)
            {
                values.Add((Approach, approach[i]));
            }

            if (i < self.Length)
            {
                values.Add((Self, self[i]));
            }

            Answer(period, teamId, prefix + (i + 1), [.. values]);
        }
    }

    private RatingRound Round(string teamId, RatingPeriod period)
    {
        var opened = new DateTimeOffset(period.StartDate.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero).AddDays(40);
        var roster = _teams.Single(team => team.Id == teamId).Roster;
        if (_roundsOpen)
        {
            return new RatingRound(
                teamId, "r-open-" + teamId[3..^13], period.PeriodId, period.Name, DateTimeOffset.UtcNow.AddDays(7), IsClosed: false,
                Language.Swedish, teamId, "29:leader", opened, null, GoalCatalogue.Seed, roster, [], null, null, RemindersSent: false);
        }

        return new RatingRound(
            teamId, "r-" + period.PeriodId + "-" + teamId[3..^13], period.PeriodId, period.Name, opened.AddDays(14), IsClosed: true,
            Language.Swedish, teamId, "29:leader", opened, opened.AddDays(14), GoalCatalogue.Seed, roster, [], null, null, RemindersSent: false);
    }
}
