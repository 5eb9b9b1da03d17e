using Microsoft.Extensions.DependencyInjection;
using SofSBot.Localization;
using SofSBot.Ratings;
using SofSBot.Storage;
using SofSBot.TeamsEvents;
using SofSBot.Tests.Infrastructure;

namespace SofSBot.Tests.Export;

/// <summary>
/// A small organisation stored through the real stores: three periods, three teams, rounds with
/// rosters, and answers chosen so every figure is known by hand.
/// </summary>
internal static class ExportDataset
{
    public const string Team1 = "19:team-1@thread.tacv2";
    public const string Team2 = "19:team-2@thread.tacv2";
    public const string Team3 = "19:team-3@thread.tacv2";
    public const string Approach = "forhallningssatt";
    public const string Self = "overall-self";

    public static readonly RatingPeriod Spring2024 = new("2024-1", "2024 vår", new(2024, 1, 1), new(2024, 6, 30));
    public static readonly RatingPeriod Spring2025 = new("2025-1", "2025 vår", new(2025, 1, 1), new(2025, 6, 30));
    public static readonly RatingPeriod Autumn2025 = new("2025-2", "2025 höst", new(2025, 7, 1), new(2025, 12, 31));

    // 2025-03-12 13:05 UTC is 14:05 Swedish (winter) time.
    public static readonly DateTimeOffset AnsweredAt = new(2025, 3, 12, 13, 5, 0, TimeSpan.Zero);

    public static string User(char name) => $"29:user-{name}";

    /// <summary>
    /// 2025 vår: team 1 (5 members) rates the approach 7, 8, 6, 9 (mean 7,5, three of four at 7 or
    /// more) and the overall self question 8, 8, 9; team 2 (4 members) has only two answers (5, 6:
    /// below the threshold); team 3 (6 members) had a round and no answers. 2024 vår: team 1 rated
    /// the approach 5, 6, 7 (mean 6). 2025 höst: user a answers again in team 1.
    /// </summary>
    public static async Task SeedAsync(IServiceProvider services)
    {
        var teams = services.GetRequiredService<ITeamStore>();
        foreach (var (id, name) in new[] { (Team1, "Utredningsteam 1"), (Team2, "Utredningsteam 2"), (Team3, "Familjeteamet") })
        {
            await teams.MarkInstalledAsync(new TeamInstallation(id, name, TeamsActivities.TenantId, FakeBotConnector.ServiceUrl, null), default);
        }

        var periods = services.GetRequiredService<IRatingPeriodStore>();
        foreach (var period in new[] { Spring2024, Spring2025, Autumn2025 })
        {
            await periods.UpsertAsync(period, default);
        }

        var answers = new TableRatingAnswerStore(services.GetRequiredService<TableProvider>());
        var rounds = services.GetRequiredService<IRatingRoundStore>();

        var t1 = await rounds.CreateAsync(Round(Team1, "r-2025-1-t1", Spring2025, roster: 5), default);
        await SaveAsync(answers, t1, 'a', (Approach, 7), (Self, 8));
        await SaveAsync(answers, t1, 'b', (Approach, 8), (Self, 8));
        await SaveAsync(answers, t1, 'c', (Approach, 6), (Self, 9));
        await SaveAsync(answers, t1, 'd', (Approach, 9));

        var t2 = await rounds.CreateAsync(Round(Team2, "r-2025-1-t2", Spring2025, roster: 4), default);
        await SaveAsync(answers, t2, 'e', (Approach, 5));
        await SaveAsync(answers, t2, 'f', (Approach, 6));

        await rounds.CreateAsync(Round(Team3, "r-2025-1-t3", Spring2025, roster: 6), default);

        var before = await rounds.CreateAsync(Round(Team1, "r-2024-1-t1", Spring2024, roster: 5), default);
        await SaveAsync(answers, before, 'a', (Approach, 5));
        await SaveAsync(answers, before, 'b', (Approach, 6));
        await SaveAsync(answers, before, 'c', (Approach, 7));

        var autumn = await rounds.CreateAsync(Round(Team1, "r-2025-2-t1", Autumn2025, roster: 5), default);
        await SaveAsync(answers, autumn, 'a', (Approach, 9));
    }

    private static async Task SaveAsync(TableRatingAnswerStore store, RatingRound round, char user, params (string Goal, int Value)[] values) =>
        await store.SaveAsync(round, User(user), values.ToDictionary(v => v.Goal, v => v.Value), round.OpenedAt.AddDays(1), default);

    private static RatingRound Round(string teamId, string roundId, RatingPeriod period, int roster)
    {
        // Spring 2025 answers are stored at AnsweredAt; others a day after the period starts.
        var opened = period == Spring2025 ? AnsweredAt.AddDays(-1) : new DateTimeOffset(period.StartDate.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        return new RatingRound(
            teamId, roundId, period.PeriodId, period.Name, opened.AddDays(14), IsClosed: false, Language.Swedish, teamId, "29:leader",
            opened, null, GoalCatalogue.Seed, roster, [], null, null, RemindersSent: false);
    }
}
