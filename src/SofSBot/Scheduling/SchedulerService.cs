using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;
using SofSBot.BotFramework.Connector;
using SofSBot.Routines;
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
    Telemetry.BotTelemetry telemetry,
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
            try
            {
                // Never post what was due before the schedule existed, nor late what was due before
                // its last change: a leader who resumes or edits a schedule sets the rhythm from then on.
                var windowStart = Max(now - settings.GraceWindow, schedule.CreatedAt);
                due.AddRange(OccurrenceCalculator.Between(schedule.Rule, Max(windowStart, schedule.UpdatedAt), now)
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
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // One broken schedule must not keep every other team's cards from going out.
                LogScheduleFailed(exception, schedule.TeamId, schedule.ScheduleId);
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
            // Settled for good only when done; a live claim of another instance is asked about again,
            // in case that instance goes away before posting.
            var record = await ledger.GetAsync(schedule.ScheduleId, key, CancellationToken.None);
            if (record?.State is OccurrenceState.Posted or OccurrenceState.Skipped or OccurrenceState.Posting)
            {
                _settled[(schedule.ScheduleId, key)] = occurrence.At;
            }

            return false;
        }

        OccurrenceClaim? posting = null;
        try
        {
            var team = await teams.GetTeamAsync(schedule.TeamId, cancellationToken);
            if (team is not { State: TeamState.Installed, IsArchived: false })
            {
                await ledger.MarkSkippedAsync(claim, team is null ? "unknown team" : $"team {team.State}", CancellationToken.None);
                telemetry.Posted(Telemetry.TelemetryOutcomes.Skipped);
                LogTeamGone(schedule.TeamId, schedule.ScheduleId, key);
                _settled[(schedule.ScheduleId, key)] = occurrence.At;
                return false;
            }

            var meeting = new RoutineMeeting(
                schedule.TeamId,
                RoutineMeeting.ScheduledMeetingId(schedule.ScheduleId, occurrence.LocalDate),
                schedule.Routine,
                schedule.ChannelId,
                occurrence.LocalDate,
                occurrence.LocalTime,
                schedule.Language);
            var thread = await poster.PostAsync(
                team,
                schedule,
                meeting,
                cancellationToken,
                async () => (posting = await ledger.TryStartPostingAsync(claim, CancellationToken.None)) is not null);
            _settled[(schedule.ScheduleId, key)] = occurrence.At;
            if (thread is null)
            {
                // Another instance took the claim over while we waited for budget: it posts.
                return false;
            }

            // The card is in the channel: record it whatever happens to this instance now.
            telemetry.Posted(Telemetry.TelemetryOutcomes.Ok);
            await RecordPostedAsync(posting!, thread, schedule, key);
            LogPosted(schedule.TeamId, schedule.ScheduleId, key);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && posting is null)
        {
            // Stopped before posting: give the occurrence back for the next run (or instance).
            await ledger.ReleaseAsync(claim, CancellationToken.None);
            throw;
        }
        catch (ConnectorException exception) when (exception.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed)
        {
            // Throttled to the end of the retries: nothing was created, so the next run tries again.
            telemetry.Posted(Telemetry.TelemetryOutcomes.Throttled);
            LogPostFailed(exception, schedule.TeamId, schedule.ScheduleId, key, (int?)exception.StatusCode);
            await ledger.ReleaseAsync(posting ?? claim, CancellationToken.None);
            return false;
        }
        catch (ConnectorException exception)
        {
            // Refused (403: bot removed, 404: channel deleted) or the outcome is unknown (a 5xx or a
            // dropped connection after the request left): posting again could make a second card.
            telemetry.Posted(Telemetry.TelemetryOutcomes.Abandoned);
            LogPostAbandoned(exception, schedule.TeamId, schedule.ScheduleId, key, (int?)exception.StatusCode);
            await ledger.MarkSkippedAsync(posting ?? claim, $"connector {(int?)exception.StatusCode}", CancellationToken.None);
            _settled[(schedule.ScheduleId, key)] = occurrence.At;
            return false;
        }
        catch (Exception exception) when (exception is not OperationCanceledException && posting is null)
        {
            // Failed before anything was sent (storage, credentials): give it back for the next run.
            telemetry.Posted(Telemetry.TelemetryOutcomes.Failed);
            LogStorageFailed(exception, schedule.TeamId, schedule.ScheduleId, key);
            await ledger.ReleaseAsync(claim, CancellationToken.None);
            return false;
        }
    }

    /// <summary>Records a post, retrying briefly: the row stays Posting (never re-posted) if it cannot.</summary>
    private async Task RecordPostedAsync(OccurrenceClaim posting, BotFramework.Connector.ConversationResourceResponse thread, Schedule schedule, string key)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ledger.MarkPostedAsync(posting, thread.Id ?? schedule.ChannelId, thread.ActivityId, CancellationToken.None);
                return;
            }
            catch (Azure.RequestFailedException exception) when (attempt < 3)
            {
                LogStorageFailed(exception, schedule.TeamId, schedule.ScheduleId, key);
                await Task.Delay(TimeSpan.FromSeconds(attempt), time, CancellationToken.None);
            }
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
    internal static string LedgerKey(Occurrence occurrence) => LedgerKey(occurrence.LocalDate);

    internal static string LedgerKey(DateOnly meetingDate) =>
        meetingDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Posted occurrence {OccurrenceKey} of schedule {ScheduleId} in team {TeamId}")]
    private partial void LogPosted(string teamId, string scheduleId, string occurrenceKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped occurrence {OccurrenceKey} of schedule {ScheduleId} in team {TeamId}: missed by more than the grace window {GraceWindow}")]
    private partial void LogMissed(string teamId, string scheduleId, string occurrenceKey, TimeSpan graceWindow);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped occurrence {OccurrenceKey} of schedule {ScheduleId}: team {TeamId} is not installed or is archived")]
    private partial void LogTeamGone(string teamId, string scheduleId, string occurrenceKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Posting occurrence {OccurrenceKey} of schedule {ScheduleId} in team {TeamId} failed with {StatusCode}; will try again")]
    private partial void LogPostFailed(Exception exception, string teamId, string scheduleId, string occurrenceKey, int? statusCode);

    [LoggerMessage(Level = LogLevel.Error, Message = "Posting occurrence {OccurrenceKey} of schedule {ScheduleId} in team {TeamId} was refused or its outcome is unknown ({StatusCode}); recorded as skipped, not posted again")]
    private partial void LogPostAbandoned(Exception exception, string teamId, string scheduleId, string occurrenceKey, int? statusCode);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not handle occurrence {OccurrenceKey} of schedule {ScheduleId} in team {TeamId}; the next run tries again")]
    private partial void LogStorageFailed(Exception exception, string teamId, string scheduleId, string occurrenceKey);

    [LoggerMessage(Level = LogLevel.Error, Message = "Schedule {ScheduleId} of team {TeamId} could not be expanded; it is skipped this run")]
    private partial void LogScheduleFailed(Exception exception, string teamId, string scheduleId);

    [LoggerMessage(Level = LogLevel.Error, Message = "A scheduler run failed; the next run tries again")]
    private partial void LogRunFailed(Exception exception);
}
