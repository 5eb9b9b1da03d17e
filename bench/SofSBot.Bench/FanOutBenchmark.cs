using System.Diagnostics;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SofSBot.Localization;
using SofSBot.Routines;
using SofSBot.Scheduling;
using SofSBot.Storage;
using SofSBot.TeamsEvents;
using SofSBot.TestSupport;

namespace SofSBot.Bench;

/// <summary>
/// One occurrence fanned out to many team channels: installed teams, each with a weekly Monday 08:30
/// schedule into its own channel, all due at once. The real scheduler posts them (pass after pass,
/// as its hosted loop would, until the ledger has every occurrence settled) through the real
/// connector client to a <see cref="FakeConnectorServer"/>.
/// </summary>
internal static class FanOutBenchmark
{
    private const string TenantId = "9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f";

    // Monday 2025-03-31, 08:31 in Stockholm: a minute after the meeting time.
    private static readonly DateTimeOffset MondayMeeting = new(2025, 3, 31, 6, 31, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SchedulesCreated = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static async Task<FanOutResult> RunAsync(AzuriteFixture azurite, BenchOptions options, CancellationToken cancellationToken)
    {
        var throttle = new ThrottlingConnector(options.AppLimit, options.InjectRate, TimeProvider.System, options.Seed);
        await using var connector = await FakeConnectorServer.StartAsync(throttle, cancellationToken);
        var tablePrefix = "bench" + Guid.NewGuid().ToString("N")[..12];
        using var bot = BotHost.Build(azurite.ConnectionString, tablePrefix, options, new ShiftedTimeProvider(MondayMeeting));
        await bot.StartAsync(cancellationToken);
        try
        {
            var seeding = Stopwatch.StartNew();
            await SeedAsync(bot.Services, options.Teams, connector.ServiceUrl, cancellationToken);
            seeding.Stop();

            var scheduler = bot.Services.GetRequiredService<SchedulerService>();
            var occurrences = await bot.Services.GetRequiredService<TableProvider>().GetTableAsync(TableOccurrenceLedger.TableName, cancellationToken);
            var passes = 0;
            var failedPasses = 0;
            var settled = 0;
            var clock = Stopwatch.StartNew();
            var wall = TimeSpan.Zero;
            using var timer = new PeriodicTimer(options.PollInterval);
            do
            {
                try
                {
                    await scheduler.RunOnceAsync(cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // The hosted loop logs and tries again on the next tick; so does the benchmark.
                    failedPasses++;
                    await Console.Error.WriteLineAsync($"A scheduler pass failed: {exception.GetType().Name}");
                }

                passes++;
                wall = clock.Elapsed;
                settled = await CountSettledAsync(occurrences, cancellationToken);
            }
            while (settled < options.Teams && clock.Elapsed < options.Timeout && await timer.WaitForNextTickAsync(cancellationToken));

            var posted = await CountSettledAsync(occurrences, cancellationToken, nameof(OccurrenceState.Posted));
            return new FanOutResult(
                options.Teams, options.Budget, seeding.Elapsed, wall, passes, failedPasses, settled >= options.Teams, posted, throttle.Snapshot());
        }
        finally
        {
            await bot.StopAsync(CancellationToken.None);
        }
    }

    private static string TeamOf(int i) => $"19:benchteam{i:D5}@thread.tacv2";

    private static string ChannelOf(int i) => $"19:benchchannel{i:D5}@thread.tacv2";

    private static string ScheduleOf(int i) => $"schedule{i:D5}";

    /// <summary>Installed teams, each with a weekly Monday 08:30 highlights schedule into its own channel.</summary>
    private static async Task SeedAsync(IServiceProvider services, int teams, Uri serviceUrl, CancellationToken cancellationToken)
    {
        var teamStore = services.GetRequiredService<ITeamStore>();
        var scheduleStore = services.GetRequiredService<IScheduleStore>();
        var rule = new ScheduleRule([DayOfWeek.Monday], new TimeOnly(8, 30), new DateOnly(2025, 3, 3));
        await Parallel.ForEachAsync(
            Enumerable.Range(0, teams),
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                await teamStore.MarkInstalledAsync(new TeamInstallation(TeamOf(i), $"Team {i}", TenantId, serviceUrl.ToString(), null), token);
                await teamStore.UpsertChannelAsync(TeamOf(i), ChannelOf(i), "Teammöte", token);
                await scheduleStore.SaveAsync(
                    new Schedule(TeamOf(i), ScheduleOf(i), RoutineKind.Highlights, ChannelOf(i), rule, Language.Swedish, false, "leader", SchedulesCreated, SchedulesCreated),
                    token);
            });
    }

    /// <summary>Occurrences no longer claimed: posted or skipped (or only those in <paramref name="state"/>).</summary>
    private static async Task<int> CountSettledAsync(TableClient occurrences, CancellationToken cancellationToken, string? state = null)
    {
        var filter = state is null ? $"State ne '{nameof(OccurrenceState.Claimed)}'" : $"State eq '{state}'";
        var count = 0;
        await foreach (var _ in occurrences.QueryAsync<TableEntity>(filter, select: ["State"], cancellationToken: cancellationToken))
        {
            count++;
        }

        return count;
    }
}
