using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SofSBot.Export;
using SofSBot.Localization;
using SofSBot.Ratings;
using SofSBot.Storage;
using SofSBot.TeamsEvents;
using SofSBot.TestSupport;

namespace SofSBot.Bench;

/// <summary>
/// <c>bench.sh export</c>: N answers of one period in Azurite (with their history and respondent rows,
/// as the ratings store writes them), then a plain scan of the same rows (the export's own query,
/// rows only counted) against the real XLSX export to a file; time and peak memory of each.
/// </summary>
internal static class ExportBenchmark
{
    public const string Usage = """
        Usage: bench.sh export [--answers N] [--teams N]
          --answers N   answers in the period (default 250000); 8 goals per member
          --teams N     teams the members are spread over (default 100)
        """;

    private const string PeriodId = "2025-1";
    private const int ParallelBatches = 8;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var answers = 250_000;
        var teams = 100;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--answers" when i + 1 < args.Count:
                    answers = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--teams" when i + 1 < args.Count:
                    teams = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                default:
                    Console.WriteLine(Usage);
                    return args[i] is "--help" or "-h" ? 0 : 2;
            }
        }

        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        try
        {
            using var host = BuildHost(azurite.ConnectionString, "x" + Guid.NewGuid().ToString("N")[..10]);
            var seeding = Stopwatch.StartNew();
            var rows = await SeedAsync(host.Services, answers, teams);
            Console.WriteLine($"Seeded {answers:N0} answers ({rows:N0} rows with history and respondents) in {teams} teams in {seeding.Elapsed.TotalSeconds:0.0} s");

            var tables = host.Services.GetRequiredService<TableProvider>();
            var exporter = host.Services.GetRequiredService<RatingsExporter>();
            // Warm-up: JIT and connections, so neither phase pays them.
            await ScanAsync(tables, 1);

            var (scanned, scanTime, scanPeak) = await MeasureAsync(() => ScanAsync(tables, long.MaxValue));
            var path = Path.Combine(Path.GetTempPath(), $"sofsbot-bench-{Guid.NewGuid():N}.xlsx");
            try
            {
                var (exported, exportTime, exportPeak) = await MeasureAsync(async () =>
                {
                    await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024);
                    var result = await exporter.ExportAsync(new ExportRequest([PeriodId], ExportFormat.Xlsx, Language.Swedish), file, null, default);
                    return result.Answers;
                });

                Console.WriteLine();
                Console.WriteLine("Result");
                Row("answers", $"{answers:N0} in {teams} teams (scan read {scanned:N0}, export wrote {exported:N0})");
                Row("plain scan", $"{scanTime.TotalSeconds:0.00} s ({scanned / scanTime.TotalSeconds:N0} rows/s); peak managed heap {Mb(scanPeak.Heap)}, peak working set {Mb(scanPeak.WorkingSet)}");
                Row("xlsx export", $"{exportTime.TotalSeconds:0.00} s = {exportTime / scanTime:0.00} × the scan; peak managed heap {Mb(exportPeak.Heap)}, peak working set {Mb(exportPeak.WorkingSet)}");
                Row("file", $"{new FileInfo(path).Length / 1024.0 / 1024.0:0.0} MiB");
                return scanned == answers && exported == answers ? 0 : 1;
            }
            finally
            {
                File.Delete(path);
            }
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    private static IHost BuildHost(string connectionString, string prefix)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Benchmark" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Tables"] = connectionString,
            ["Storage:TablePrefix"] = prefix,
            ["Export:PseudonymSecret"] = "benchmark-secret-0123456789abcdef0123456789",
        });
        builder.AddTableStorage();
        builder.AddExportCore();
        return builder.Build();
    }

    private static async Task<long> SeedAsync(IServiceProvider services, int answers, int teamCount)
    {
        var tables = services.GetRequiredService<TableProvider>();
        var period = new RatingPeriod(PeriodId, "2025 vår", new(2025, 1, 1), new(2025, 6, 30));
        await services.GetRequiredService<IRatingPeriodStore>().UpsertAsync(period, default);
        var teamStore = new TableTeamStore(tables, TimeProvider.System);
        var rounds = services.GetRequiredService<IRatingRoundStore>();
        var goals = GoalCatalogue.Seed;
        var members = (answers + goals.Count - 1) / goals.Count;
        var perTeam = (members + teamCount - 1) / teamCount;
        var answerTable = await tables.GetTableAsync(TableRatingAnswerStore.TableName, default);
        var at = new DateTimeOffset(2025, 3, 12, 13, 5, 0, TimeSpan.Zero);
        var batches = new List<List<TableTransactionAction>>();
        var written = 0;
        long rows = 0;
        for (var t = 0; t < teamCount && written < answers; t++)
        {
            var teamId = $"19:bench-team-{t:D4}@thread.tacv2";
            await teamStore.MarkInstalledAsync(new TeamInstallation(teamId, $"Team {t:D4}", null, "https://smba.trafficmanager.net/emea/", null), default);
            var round = await rounds.CreateAsync(new RatingRound(
                teamId, $"round-{t:D4}", PeriodId, period.Name, at.AddDays(14), false, Language.Swedish, teamId, null, at, null, goals, perTeam, [], null, null, false), default);
            var partition = TableRatingAnswerStore.PartitionKeyFor(PeriodId, teamId);
            var actions = new List<TableTransactionAction>();
            for (var m = 0; m < perTeam && written < answers; m++)
            {
                var userId = $"29:bench-user-{t:D4}-{m:D4}";
                actions.Add(new(TableTransactionActionType.Add, new TableEntity(partition, TableRatingAnswerStore.RespondentRowKey(round.RoundId, userId))
                {
                    ["Kind"] = nameof(RatingRowKind.Respondent), ["PeriodId"] = PeriodId, ["TeamId"] = teamId, ["RoundId"] = round.RoundId, ["UserId"] = userId, ["AnsweredAt"] = at,
                }));
                foreach (var goal in goals)
                {
                    if (written++ >= answers)
                    {
                        break;
                    }

                    var value = (int)((uint)HashCode.Combine(userId, goal.GoalId) % 11);
                    actions.Add(new(TableTransactionActionType.Add, Answer(partition, TableRatingAnswerStore.AnswerRowKey(round.RoundId, userId, goal.GoalId), round, userId, goal.GoalId, value, at, RatingRowKind.Answer)));
                    actions.Add(new(TableTransactionActionType.Add, Answer(partition, TableRatingAnswerStore.HistoryRowKey(round.RoundId, userId, goal.GoalId, 1), round, userId, goal.GoalId, value, at, RatingRowKind.History)));
                }
            }

            rows += actions.Count;
            batches.AddRange(actions.Chunk(100).Select(chunk => chunk.ToList()));
        }

        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = ParallelBatches }, async (batch, token) =>
            await answerTable.SubmitTransactionAsync(batch, token));
        return rows;
    }

    private static TableEntity Answer(string partition, string rowKey, RatingRound round, string userId, string goalId, int value, DateTimeOffset at, RatingRowKind kind) =>
        new(partition, rowKey)
        {
            ["Kind"] = kind.ToString(), ["PeriodId"] = round.PeriodId, ["TeamId"] = round.TeamId, ["RoundId"] = round.RoundId, ["UserId"] = userId,
            ["GoalId"] = goalId, ["Value"] = value, ["AnsweredAt"] = at, ["Revision"] = 1,
        };

    /// <summary>The export's own query and columns, rows only counted.</summary>
    private static async Task<long> ScanAsync(TableProvider tables, long limit)
    {
        var table = await tables.GetTableAsync(TableRatingAnswerStore.TableName, default);
        long count = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(
            TablePeriodAnswerReader.Filter(PeriodId), select: ["PeriodId", "TeamId", "RoundId", "UserId", "GoalId", "Value", "AnsweredAt"]))
        {
            if (++count >= limit)
            {
                break;
            }
        }

        return count;
    }

    private static async Task<(long Result, TimeSpan Time, (long Heap, long WorkingSet) Peak)> MeasureAsync(Func<Task<long>> phase)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        long peakHeap = GC.GetTotalMemory(false), peakWorkingSet = Environment.WorkingSet;
        using var done = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
                peakWorkingSet = Math.Max(peakWorkingSet, Environment.WorkingSet);
                await Task.Delay(10, CancellationToken.None);
            }
        });
        var watch = Stopwatch.StartNew();
        var result = await phase();
        watch.Stop();
        await done.CancelAsync();
        await sampler;
        return (result, watch.Elapsed, (peakHeap, peakWorkingSet));
    }

    private static string Mb(long bytes) => $"{bytes / 1024.0 / 1024.0:0} MiB";

    private static void Row(string name, string value) => Console.WriteLine($"  {name,-12} {value}");
}
