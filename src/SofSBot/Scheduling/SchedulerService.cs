using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using SofSBot.BotFramework.Connector;
using SofSBot.TeamsEvents;

namespace SofSBot.Scheduling;

/// <summary>
/// Finds the occurrences that are due and posts each one exactly once, however many instances run:
/// an occurrence is claimed in the ledger before it is posted, and its outcome is recorded after.
/// Occurrences missed while the bot was down are posted late within the grace window, and recorded
/// and logged as skipped after it.
/// </summary>
internal sealed partial class SchedulerService(
    IScheduleStore schedules,
    ITeamStore teams,
    IOccurrenceLedger ledger,
    RoutinePoster poster,
    IOptions<SchedulerOptions> options,
    TimeProvider time,
    ILogger<SchedulerService> logger) : BackgroundService
{
    // Occurrences this instance saw settled (posted, skipped or claimed elsewhere): not asked about again.
    private readonly ConcurrentDictionary<(string ScheduleId, string Key), DateTimeOffset> _settled = new();

    /// <summary>Names this instance in its claims.</summary>
    public string InstanceId { get; } = $"{Environment.MachineName}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogRunFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass over all active schedules. Returns how many cards it posted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var due = new List<(Schedule Schedule, Occurrence Occurrence)>();

        await foreach (var schedule in schedules.ListActiveAsync(cancellationToken))
        {
            // Never post what was due before the schedule existed.
            var windowStart = Max(now - settings.GraceWindow, schedule.CreatedAt);
            due.AddRange(OccurrenceCalculator.Between(schedule.Rule, windowStart, now)
                .Where(occurrence => !_settled.ContainsKey((schedule.ScheduleId, LedgerKey(occurrence))))
                .Select(occurrence => (schedule, occurrence)));

            var missedStart = Max(now - settings.GraceWindow - settings.MissedLookback, schedule.CreatedAt);
            foreach (var missed in OccurrenceCalculator.Between(schedule.Rule, missedStart, windowStart - TimeSpan.FromTicks(1)))
            {
                if (_settled.ContainsKey((schedule.ScheduleId, LedgerKey(missed))))
                {
                    continue;
                }

                if (await ledger.TryRecordMissedAsync(schedule.TeamId, schedule.ScheduleId, LedgerKey(missed), cancellationToken))
                {
                    LogMissed(schedule.TeamId, schedule.ScheduleId, LedgerKey(missed), settings.GraceWindow);
                }

                _settled[(schedule.ScheduleId, LedgerKey(missed))] = missed.At;
            }
        }

        var posted = 0;
        await Parallel.ForEachAsync(
            due,
            new ParallelOptions { MaxDegreeOfParallelism = settings.MaxParallelPosts, CancellationToken = cancellationToken },
            async (item, token) =>
            {
                if (await PostOnceAsync(item.Schedule, item.Occurrence, token))
                {
                    Interlocked.Increment(ref posted);
                }
            });

        Forget(now - settings.GraceWindow - settings.MissedLookback - TimeSpan.FromDays(1));
        return posted;
    }

    private async Task<bool> PostOnceAsync(Schedule schedule, Occurrence occurrence, CancellationToken cancellationToken)
    {
        var key = LedgerKey(occurrence);

        // The claim itself is not cancellable: a stop arriving mid-insert would leave a row claimed
        // that nobody knows of, and the occurrence would wait for the lease to run out.
        cancellationToken.ThrowIfCancellationRequested();
        var claim = await ledger.TryClaimAsync(schedule.TeamId, schedule.ScheduleId, key, InstanceId, CancellationToken.None);
        if (claim is null)
        {
            _settled[(schedule.ScheduleId, key)] = occurrence.At;
            return false;
        }

        try
        {
            var team = await teams.GetTeamAsync(schedule.TeamId, cancellationToken);
            if (team is not { State: TeamState.Installed, IsArchived: false })
            {
                await ledger.MarkSkippedAsync(claim, team is null ? "unknown team" : $"team {team.State}", CancellationToken.None);
                LogTeamGone(schedule.TeamId, schedule.ScheduleId, key);
                _settled[(schedule.ScheduleId, key)] = occurrence.At;
                return false;
            }

            var thread = await poster.PostAsync(team, schedule, occurrence.LocalDate, occurrence.LocalTime, cancellationToken);
            _settled[(schedule.ScheduleId, key)] = occurrence.At;

            // The card is in the channel: record it whatever happens to this instance now.
            await ledger.MarkPostedAsync(claim, thread.Id ?? schedule.ChannelId, thread.ActivityId, CancellationToken.None);
            LogPosted(schedule.TeamId, schedule.ScheduleId, key);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped before posting: give the occurrence back for the next run (or instance).
            await ledger.ReleaseAsync(claim, CancellationToken.None);
            throw;
        }
        catch (ConnectorException exception)
        {
            // Retries are spent (e.g. a long 429): the next run tries again within the grace window.
            LogPostFailed(exception, schedule.TeamId, schedule.ScheduleId, key, (int?)exception.StatusCode);
            await ledger.ReleaseAsync(claim, CancellationToken.None);
            return false;
        }
        catch (Azure.RequestFailedException exception)
        {
            // Storage failed before the post (reading the team): safe to give back. After the post,
            // recording failed: keep the claim, so the lease (not a second post) settles it.
            LogStorageFailed(exception, schedule.TeamId, schedule.ScheduleId, key);
            if (!_settled.ContainsKey((schedule.ScheduleId, key)))
            {
                await ledger.ReleaseAsync(claim, CancellationToken.None);
            }

            return false;
        }
    }

    private void Forget(DateTimeOffset olderThan)
    {
        foreach (var entry in _settled)
        {
            if (entry.Value < olderThan)
            {
                _settled.TryRemove(entry.Key, out _);
            }
        }
    }

    /// <summary>
    /// An occurrence is claimed by its schedule and local date: a rule has at most one time a day, and
    /// a leader who moves today's time after the card went out must not get it posted twice.
    /// </summary>
    internal static string LedgerKey(Occurrence occurrence) =>
        occurrence.LocalDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Posted occurrence {OccurrenceKey} of schedule {ScheduleId} in team {TeamId}")]
    private partial void LogPosted(string teamId, string scheduleId, string occurrenceKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped occurrence {OccurrenceKey} of schedule {ScheduleId} in team {TeamId}: missed by more than the grace window {GraceWindow}")]
    private partial void LogMissed(string teamId, string scheduleId, string occurrenceKey, TimeSpan graceWindow);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped occurrence {OccurrenceKey} of schedule {ScheduleId}: team {TeamId} is not installed or is archived")]
    private partial void LogTeamGone(string teamId, string scheduleId, string occurrenceKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Posting occurrence {OccurrenceKey} of schedule {ScheduleId} in team {TeamId} failed with {StatusCode}; will try again")]
    private partial void LogPostFailed(Exception exception, string teamId, string scheduleId, string occurrenceKey, int? statusCode);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storage failed around occurrence {OccurrenceKey} of schedule {ScheduleId} in team {TeamId}")]
    private partial void LogStorageFailed(Exception exception, string teamId, string scheduleId, string occurrenceKey);

    [LoggerMessage(Level = LogLevel.Error, Message = "A scheduler run failed; the next run tries again")]
    private partial void LogRunFailed(Exception exception);
}
