using Microsoft.Extensions.Time.Testing;
using SofSBot.Localization;
using SofSBot.Routines;
using SofSBot.Scheduling;
using SofSBot.TeamsEvents;
using SofSBot.Tests.Infrastructure;
using SofSBot.TestSupport;

namespace SofSBot.Tests.Scheduling;

/// <summary>The scheduler against Azurite, with the Bot Connector faked at the HTTP boundary.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SchedulerServiceTests(AzuriteFixture azurite)
{
    // Monday 2025-03-31, 08:30 in Stockholm (summer time since Sunday) is 06:30 UTC.
    private static readonly DateTimeOffset MondayMeeting = new(2025, 3, 31, 6, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Due_occurrence_is_posted_as_a_new_thread_in_the_schedules_channel()
    {
        var time = new FakeTimeProvider(MondayMeeting.AddMinutes(1));
        await using var app = new SofSBotApp(azurite, time: time);
        await SeedAsync(app, teams: 1);

        var posted = await app.GetService<SchedulerService>().RunOnceAsync(default);

        Assert.Equal(1, posted);
        var thread = Assert.Single(app.Connector.ChannelThreads);
        Assert.Equal(ChannelOf(0), thread.Body?["channelData"]?["channel"]?["id"]?.GetValue<string>());
        var card = thread.Body?["activity"]?["attachments"]?[0]?["content"];
        Assert.Equal("Veckans highlights – vecka 14", card?["body"]?[0]?["text"]?.GetValue<string>());
        var record = await app.GetService<IOccurrenceLedger>().GetAsync(ScheduleOf(0), "2025-03-31", default);
        Assert.Equal(OccurrenceState.Posted, record?.State);
        Assert.NotNull(record?.ActivityId);
    }

    [Fact]
    public async Task Two_instances_racing_post_every_occurrence_exactly_once()
    {
        const int Teams = 40;
        var time = new FakeTimeProvider(MondayMeeting.AddMinutes(1));
        await using var first = new SofSBotApp(azurite, time: time);
        await using var second = new SofSBotApp(azurite, time: time, tablePrefix: first.TablePrefix, connector: first.Connector);
        await SeedAsync(first, Teams);

        var a = first.GetService<SchedulerService>();
        var b = second.GetService<SchedulerService>();
        var counts = await Task.WhenAll(a.RunOnceAsync(default), b.RunOnceAsync(default), a.RunOnceAsync(default), b.RunOnceAsync(default));

        Assert.Equal(Teams, counts.Sum());
        var channels = first.Connector.ChannelThreads.Select(c => c.Body?["channelData"]?["channel"]?["id"]?.GetValue<string>()).ToList();
        Assert.Equal(Teams, channels.Count);
        Assert.Equal(Teams, channels.Distinct().Count());
    }

    [Fact]
    public async Task Scheduler_stopped_mid_fan_out_posts_the_rest_after_restart_and_nothing_twice()
    {
        const int Teams = 20;
        var time = new FakeTimeProvider(MondayMeeting.AddMinutes(1));
        var settings = new Dictionary<string, string?> { ["Scheduler:MaxParallelPosts"] = "2" };
        using var stop = new CancellationTokenSource();
        var connector = new FakeBotConnector();
        connector.OnCall = _ =>
        {
            if (connector.ChannelThreads.Count() >= 7)
            {
                stop.Cancel();
            }
        };

        await using (var before = new SofSBotApp(azurite, settings: settings, connector: connector, time: time))
        {
            await SeedAsync(before, Teams);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => before.GetService<SchedulerService>().RunOnceAsync(stop.Token));
            connector.OnCall = null;
            var postedBeforeStop = connector.ChannelThreads.Count();
            Assert.InRange(postedBeforeStop, 7, Teams - 1);

            // A restarted instance: same tables, same channels, a fresh process.
            await using var after = new SofSBotApp(azurite, settings: settings, tablePrefix: before.TablePrefix, connector: connector, time: time);
            await after.GetService<SchedulerService>().RunOnceAsync(default);
        }

        var channels = connector.ChannelThreads.Select(c => c.Body?["channelData"]?["channel"]?["id"]?.GetValue<string>()).ToList();
        Assert.Equal(Teams, channels.Count);
        Assert.Equal(Teams, channels.Distinct().Count());
    }

    [Fact]
    public async Task Occurrence_missed_while_down_is_posted_late_within_the_grace_window()
    {
        var time = new FakeTimeProvider(MondayMeeting.AddHours(1).AddMinutes(50));
        await using var app = new SofSBotApp(azurite, time: time);
        await SeedAsync(app, teams: 1);

        await app.GetService<SchedulerService>().RunOnceAsync(default);

        Assert.Single(app.Connector.ChannelThreads);
    }

    [Fact]
    public async Task Schedule_resumed_after_its_occurrence_does_not_post_it_late()
    {
        var time = new FakeTimeProvider(MondayMeeting.AddMinutes(40));
        await using var app = new SofSBotApp(azurite, time: time);
        await SeedAsync(app, teams: 2);
        var store = app.GetService<IScheduleStore>();
        var resumed = await store.GetAsync(TeamOf(0), ScheduleOf(0), default);
        await store.SaveAsync(resumed! with { IsPaused = false, UpdatedAt = MondayMeeting.AddMinutes(30) }, default);

        await app.GetService<SchedulerService>().RunOnceAsync(default);

        // The other team's schedule, unchanged since before the meeting, is still posted late.
        var thread = Assert.Single(app.Connector.ChannelThreads);
        Assert.Equal(ChannelOf(1), thread.Body?["channelData"]?["channel"]?["id"]?.GetValue<string>());
    }

    [Fact]
    public async Task Occurrence_missed_beyond_the_grace_window_is_skipped_and_recorded()
    {
        var time = new FakeTimeProvider(MondayMeeting.AddHours(2).AddMinutes(5));
        await using var app = new SofSBotApp(azurite, time: time);
        await SeedAsync(app, teams: 1);

        await app.GetService<SchedulerService>().RunOnceAsync(default);

        Assert.Empty(app.Connector.ChannelThreads);
        var record = await app.GetService<IOccurrenceLedger>().GetAsync(ScheduleOf(0), "2025-03-31", default);
        Assert.Equal(OccurrenceState.Skipped, record?.State);
    }

    [Fact]
    public async Task Paused_schedule_and_removed_team_post_nothing()
    {
        var time = new FakeTimeProvider(MondayMeeting.AddMinutes(1));
        await using var app = new SofSBotApp(azurite, time: time);
        await SeedAsync(app, teams: 2);
        var store = app.GetService<IScheduleStore>();
        var paused = await store.GetAsync(TeamOf(0), ScheduleOf(0), default);
        await store.SaveAsync(paused! with { IsPaused = true }, default);
        await app.GetService<ITeamStore>().UpdateTeamAsync(TeamOf(1), team => team with { State = TeamState.Removed }, default);

        var posted = await app.GetService<SchedulerService>().RunOnceAsync(default);

        Assert.Equal(0, posted);
        Assert.Empty(app.Connector.ChannelThreads);
        Assert.Equal(OccurrenceState.Skipped, (await app.GetService<IOccurrenceLedger>().GetAsync(ScheduleOf(1), "2025-03-31", default))?.State);
    }

    [Fact]
    public async Task Throttled_post_is_tried_again_on_the_next_run()
    {
        var time = new FakeTimeProvider(MondayMeeting.AddMinutes(1));
        await using var app = new SofSBotApp(azurite, time: time, settings: new Dictionary<string, string?> { ["Bot:Connector:MaxAttempts"] = "1" });
        await SeedAsync(app, teams: 1);
        app.Connector.Failures.Enqueue(System.Net.HttpStatusCode.TooManyRequests);

        Assert.Equal(0, await app.GetService<SchedulerService>().RunOnceAsync(default));
        Assert.Equal(1, await app.GetService<SchedulerService>().RunOnceAsync(default));
        Assert.Equal(0, await app.GetService<SchedulerService>().RunOnceAsync(default));

        // One refused attempt, one card.
        Assert.Equal(2, app.Connector.ChannelThreads.Count());
    }

    [Theory]
    [InlineData(502)]
    [InlineData(403)]
    public async Task Post_refused_or_of_unknown_outcome_is_recorded_as_skipped_and_never_posted_again(int status)
    {
        // After a 502 the card may exist already: a second one would be worse than a logged gap.
        var time = new FakeTimeProvider(MondayMeeting.AddMinutes(1));
        await using var app = new SofSBotApp(azurite, time: time, settings: new Dictionary<string, string?> { ["Bot:Connector:MaxAttempts"] = "1" });
        await SeedAsync(app, teams: 1);
        app.Connector.Failures.Enqueue((System.Net.HttpStatusCode)status);

        await app.GetService<SchedulerService>().RunOnceAsync(default);
        time.Advance(TimeSpan.FromMinutes(10));
        await using var restarted = new SofSBotApp(azurite, time: time, tablePrefix: app.TablePrefix, connector: app.Connector);
        await restarted.GetService<SchedulerService>().RunOnceAsync(default);

        Assert.Single(app.Connector.ChannelThreads);
        Assert.Equal(OccurrenceState.Skipped, (await app.GetService<IOccurrenceLedger>().GetAsync(ScheduleOf(0), "2025-03-31", default))?.State);
    }

    [Fact]
    public async Task Claim_of_an_instance_that_died_before_sending_is_taken_over_after_the_lease()
    {
        var time = new FakeTimeProvider(MondayMeeting.AddMinutes(1));
        await using var app = new SofSBotApp(azurite, time: time);
        await SeedAsync(app, teams: 1);
        var ledger = app.GetService<IOccurrenceLedger>();
        Assert.NotNull(await ledger.TryClaimAsync(TeamOf(0), ScheduleOf(0), "2025-03-31", "dead-instance", default));

        Assert.Equal(0, await app.GetService<SchedulerService>().RunOnceAsync(default));
        time.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(1, await app.GetService<SchedulerService>().RunOnceAsync(default));
        Assert.Single(app.Connector.ChannelThreads);
    }

    [Fact]
    public async Task Claim_of_an_instance_that_died_while_sending_is_never_taken_over()
    {
        var time = new FakeTimeProvider(MondayMeeting.AddMinutes(1));
        await using var app = new SofSBotApp(azurite, time: time);
        await SeedAsync(app, teams: 1);
        var ledger = app.GetService<IOccurrenceLedger>();
        var claim = await ledger.TryClaimAsync(TeamOf(0), ScheduleOf(0), "2025-03-31", "dead-instance", default);
        Assert.NotNull(await ledger.TryStartPostingAsync(claim!, default));

        time.Advance(TimeSpan.FromMinutes(30));
        await app.GetService<SchedulerService>().RunOnceAsync(default);

        Assert.Empty(app.Connector.ChannelThreads);
    }

    private static string TeamOf(int i) => $"19:team{i:D3}@thread.tacv2";

    private static string ChannelOf(int i) => $"19:teammote{i:D3}@thread.tacv2";

    private static string ScheduleOf(int i) => $"schedule{i:D3}";

    /// <summary>Installed teams, each with a weekly Monday 08:30 highlights schedule created a month ago.</summary>
    private static async Task SeedAsync(SofSBotApp app, int teams)
    {
        var teamStore = app.GetService<ITeamStore>();
        var scheduleStore = app.GetService<IScheduleStore>();
        var created = new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < teams; i++)
        {
            await teamStore.MarkInstalledAsync(new TeamInstallation(TeamOf(i), $"Team {i}", TeamsActivities.TenantId, FakeBotConnector.ServiceUrl, null), default);
            await teamStore.UpsertChannelAsync(TeamOf(i), ChannelOf(i), "Teammöte", default);
            var rule = new ScheduleRule([DayOfWeek.Monday], new TimeOnly(8, 30), new DateOnly(2025, 3, 3));
            await scheduleStore.SaveAsync(
                new Schedule(TeamOf(i), ScheduleOf(i), RoutineKind.Highlights, ChannelOf(i), rule, Language.Swedish, false, "leader", created, created),
                default);
        }
    }
}
