using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SofSBot.Ratings;
using SofSBot.TestSupport;

namespace SofSBot.Bench;

/// <summary>
/// N members answer an 8-goal rating round at once, each with one <c>Action.Execute</c> invoke
/// through the real <c>/api/messages</c> pipeline (anonymous), the real stores in Azurite and a fake
/// connector. Reports throughput, p50/p99 of the invoke round trip and lost answers (must be 0).
/// </summary>
internal static class RatingsBenchmark
{
    public const string Usage = """
        Usage: scripts/bench.sh ratings [options]
          --members N       team members who all answer the round (default 1000)
          --concurrency N   invokes in flight at once (default: all members)
          --runs N          repeat N times and print medians (default 3)
        """;

    private const string TeamId = "19:benchteam@thread.tacv2";
    private const string TenantId = "9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f";
    private const string LeaderAad = "6b3f9a2e-1c4d-4e8f-9a0b-2c3d4e5f6a7b";

    public static async Task<int> MainAsync(IReadOnlyList<string> args)
    {
        int members = 1000, runs = 3;
        int? concurrency = null;
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--members": members = value; break;
                case "--concurrency": concurrency = value; break;
                case "--runs": runs = value; break;
                default:
                    await Console.Error.WriteLineAsync(Usage);
                    return 2;
            }
        }

        Console.WriteLine($"Ratings: {members} members answer an 8-goal round, {concurrency ?? members} invokes in flight, {runs} run(s)");
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        var results = new List<RatingsRunResult>();
        try
        {
            for (var run = 1; run <= runs; run++)
            {
                var result = await RunAsync(azurite, members, concurrency ?? members);
                results.Add(result);
                Console.WriteLine(
                    $"run {run}: {result.AnswersPerSecond:0} invokes/s in {result.Wall.TotalSeconds:0.00} s, p50 {result.P50.TotalMilliseconds:0} ms, " +
                    $"p99 {result.P99.TotalMilliseconds:0} ms, max {result.Max.TotalMilliseconds:0} ms, failed {result.Failed}, lost answers {result.Lost}, card replacements {result.CardUpdates}, CPU {result.CpuMsPerInvoke:0.0} ms/invoke");
            }
        }
        finally
        {
            await azurite.DisposeAsync();
        }

        Console.WriteLine();
        Console.WriteLine(results.Count > 1 ? $"Result (median of {results.Count} runs)" : "Result");
        Console.WriteLine($"  {"throughput",-18} {Median(results, r => r.AnswersPerSecond):0} invokes/s ({Median(results, r => r.AnswersPerSecond) * 8:0} answers/s)");
        Console.WriteLine($"  {"invoke p50",-18} {Median(results, r => r.P50.TotalMilliseconds):0} ms");
        Console.WriteLine($"  {"invoke p99",-18} {Median(results, r => r.P99.TotalMilliseconds):0} ms");
        Console.WriteLine($"  {"CPU per invoke",-18} {Median(results, r => r.CpuMsPerInvoke):0.0} ms (this process: the bot and the load generator; Azurite runs apart)");
        Console.WriteLine($"  {"failed invokes",-18} {results.Max(r => r.Failed)} (worst run)");
        Console.WriteLine($"  {"lost answers",-18} {results.Max(r => r.Lost)} of {members * 8} (worst run)");
        return results.Any(r => r.Lost > 0 || r.Failed > 0 || r.Unexpected > 0) ? 1 : 0;
    }

    private static async Task<RatingsRunResult> RunAsync(AzuriteFixture azurite, int members, int concurrency)
    {
        var memberIds = Enumerable.Range(1, members).Select(i => $"29:m{i:D5}").ToList();
        var connector = new RatingsConnector(TeamId, ["29:leader", .. memberIds]);
        await using var app = new BenchApp(azurite.ConnectionString, "rb" + Guid.NewGuid().ToString("N")[..12], connector);
        using var client = app.CreateClient();

        await PostAsync(client, Install());
        using (var opened = await PostAsync(client, Invoke("29:leader", LeaderAad, RatingCards.OpenVerb, new JsonObject { ["period"] = CurrentPeriodId(), ["lastDay"] = DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, replyToId: "form")))
        {
            var body = await opened.Content.ReadAsStringAsync();
            if (!opened.IsSuccessStatusCode || !body.Contains("application/vnd.microsoft.card.adaptive", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Opening the round failed: {(int)opened.StatusCode} {body}");
            }
        }

        var rounds = app.Services.GetRequiredService<IRatingRoundStore>();
        var round = (await rounds.ListForTeamAsync(TeamId, CancellationToken.None)).Single();
        var goals = round.Goals.Select(goal => goal.GoalId).ToList();
        if (goals.Count != 8)
        {
            throw new InvalidOperationException($"Expected an 8-goal round, got {goals.Count}.");
        }

        var latencies = new double[members];
        var failed = 0;
        using var gate = new SemaphoreSlim(concurrency);
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(memberIds.Select(async (member, index) =>
        {
            var data = new JsonObject { ["roundId"] = round.RoundId };
            for (var g = 0; g < goals.Count; g++)
            {
                data[RatingInput.InputId(goals[g])] = Expected(index, g).ToString(CultureInfo.InvariantCulture);
            }

            var activity = Invoke(member, Guid.NewGuid().ToString(), RatingCards.SaveVerb, data, round.CardActivityId, round.CardConversationId);
            await gate.WaitAsync();
            try
            {
                var watch = Stopwatch.StartNew();
                using var response = await PostAsync(client, activity);
                var body = await response.Content.ReadAsStringAsync();
                latencies[index] = watch.Elapsed.TotalMilliseconds;
                if (!response.IsSuccessStatusCode || !body.Contains("application/vnd.microsoft.card.adaptive", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref failed);
                }
            }
            finally
            {
                gate.Release();
            }
        }));
        wall.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;

        var stored = await app.Services.GetRequiredService<IRatingAnswerStore>().ListAsync(round, CancellationToken.None);
        var byKey = stored.ToDictionary(answer => (answer.UserId, answer.GoalId), answer => answer.Value);
        var lost = 0;
        for (var index = 0; index < members; index++)
        {
            for (var g = 0; g < goals.Count; g++)
            {
                if (!byKey.TryGetValue((memberIds[index], goals[g]), out var value) || value != Expected(index, g))
                {
                    lost++;
                }
            }
        }

        Array.Sort(latencies);
        return new RatingsRunResult(
            members / wall.Elapsed.TotalSeconds,
            wall.Elapsed,
            TimeSpan.FromMilliseconds(Percentile(latencies, 0.50)),
            TimeSpan.FromMilliseconds(Percentile(latencies, 0.99)),
            TimeSpan.FromMilliseconds(latencies[^1]),
            failed,
            lost,
            connector.Updates,
            connector.Unexpected.Count,
            cpu.TotalMilliseconds / members);
    }

    private static string CurrentPeriodId() => RatingPeriod.DefaultFor(RatingCards.TodayIn(DateTimeOffset.UtcNow)).PeriodId;

    private static int Expected(int member, int goal) => (member + goal) % 11;

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static double Median(List<RatingsRunResult> results, Func<RatingsRunResult, double> figure)
    {
        var sorted = results.Select(figure).Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, JsonObject activity) =>
        client.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));

    private static JsonObject Install() => new()
    {
        ["type"] = "installationUpdate",
        ["action"] = "add",
        ["id"] = "install-1",
        ["channelId"] = "msteams",
        ["serviceUrl"] = RatingsConnector.ServiceUrl,
        ["from"] = new JsonObject { ["id"] = "29:leader", ["aadObjectId"] = LeaderAad },
        ["recipient"] = new JsonObject { ["id"] = "28:bot" },
        ["conversation"] = new JsonObject { ["id"] = TeamId, ["conversationType"] = "channel", ["tenantId"] = TenantId },
        ["channelData"] = new JsonObject { ["team"] = new JsonObject { ["id"] = TeamId, ["name"] = "Benchteam" }, ["tenant"] = new JsonObject { ["id"] = TenantId } },
    };

    private static JsonObject Invoke(string userId, string aadObjectId, string verb, JsonObject data, string? replyToId = null, string? conversationId = null) => new()
    {
        ["type"] = "invoke",
        ["name"] = "adaptiveCard/action",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["locale"] = "sv-SE",
        ["channelId"] = "msteams",
        ["serviceUrl"] = RatingsConnector.ServiceUrl,
        ["replyToId"] = replyToId,
        ["from"] = new JsonObject { ["id"] = userId, ["aadObjectId"] = aadObjectId },
        ["recipient"] = new JsonObject { ["id"] = "28:bot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId ?? $"{TeamId};messageid=1", ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = TenantId },
        ["channelData"] = new JsonObject
        {
            ["team"] = new JsonObject { ["id"] = TeamId },
            ["channel"] = new JsonObject { ["id"] = TeamId },
            ["tenant"] = new JsonObject { ["id"] = TenantId },
        },
        ["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data } },
    };

    /// <summary>The real web app (Program) in process, its connector calls answered by <see cref="RatingsConnector"/>.</summary>
    private sealed class BenchApp(string tables, string prefix, RatingsConnector connector) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // Development: the bot allows an empty app id (anonymous mode) nowhere else.
            builder.UseEnvironment("Development");
            builder.UseContentRoot(RepositoryPaths.Combine("src", "SofSBot"));
            builder.UseSetting("ConnectionStrings:Tables", tables);
            builder.UseSetting("Storage:TablePrefix", prefix);
            builder.UseSetting("Bot:AppId", string.Empty);
            builder.UseSetting("Bot:AllowAnonymous", "true");
            builder.UseSetting("Bot:TenantId", TenantId);
            builder.UseSetting("Scheduler:Enabled", "false");
            builder.UseSetting("Ratings:MonitorEnabled", "false");
            builder.UseSetting("Roles:Coordinators:0", LeaderAad);
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Logging:LogLevel:SofSBot", "Warning");
            builder.UseSetting("Logging:LogLevel:SofSBot.BotFramework.Hosting.AnonymousModeGuard", "None");
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Error).AddFilter("SofSBot.BotFramework.Hosting.AnonymousModeGuard", LogLevel.None));
            builder.ConfigureTestServices(services => services.ConfigureHttpClientDefaults(client => client.ConfigurePrimaryHttpMessageHandler(() => connector)));
        }
    }
}

/// <summary>One run of the ratings benchmark.</summary>
internal sealed record RatingsRunResult(
    double AnswersPerSecond, TimeSpan Wall, TimeSpan P50, TimeSpan P99, TimeSpan Max, int Failed, int Lost, int CardUpdates, int Unexpected, double CpuMsPerInvoke);
