using System.Globalization;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using SofSBot.Localization;
using SofSBot.Routines;
using SofSBot.Storage;

namespace SofSBot.Scheduling;

/// <summary>
/// Schedules in the <c>Schedules</c> table: PartitionKey = team id, RowKey = schedule id, so a team's
/// list is one partition query. The scheduler reads all active rows with one filtered scan; with a
/// few schedules per team that is a handful of pages even for 300 teams.
/// </summary>
internal sealed partial class TableScheduleStore(TableProvider tables, ILogger<TableScheduleStore> logger) : IScheduleStore
{
    public const string TableName = "Schedules";

    public async Task<Schedule?> GetAsync(string teamId, string scheduleId, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var response = await table.GetEntityIfExistsAsync<ScheduleEntity>(TableKey.Escape(teamId), TableKey.Escape(scheduleId), cancellationToken: cancellationToken);
        return response.HasValue ? response.Value!.ToSchedule() : null;
    }

    public async Task<IReadOnlyList<Schedule>> ListForTeamAsync(string teamId, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var partition = TableKey.Escape(teamId);
        var schedules = new List<Schedule>();
        await foreach (var entity in table.QueryAsync<ScheduleEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            schedules.Add(entity.ToSchedule());
        }

        return schedules;
    }

    public async IAsyncEnumerable<Schedule> ListActiveAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        await foreach (var entity in table.QueryAsync<ScheduleEntity>(e => e.IsPaused == false, cancellationToken: cancellationToken))
        {
            Schedule schedule;
            try
            {
                schedule = entity.ToSchedule();
            }
            catch (Exception exception) when (exception is FormatException or ArgumentException or OverflowException)
            {
                // A row this version cannot read (edited by hand, or written by a newer version).
                LogUnreadable(exception, entity.TeamId, entity.ScheduleId);
                continue;
            }

            yield return schedule;
        }
    }

    public async Task SaveAsync(Schedule schedule, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        await table.UpsertEntityAsync(ScheduleEntity.From(schedule), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<bool> TryReplaceAsync(Schedule schedule, DateTimeOffset expectedUpdatedAt, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var current = await table.GetEntityIfExistsAsync<ScheduleEntity>(TableKey.Escape(schedule.TeamId), TableKey.Escape(schedule.ScheduleId), cancellationToken: cancellationToken);
        if (!current.HasValue || current.Value!.UpdatedAt != expectedUpdatedAt)
        {
            return false;
        }

        try
        {
            await table.UpdateEntityAsync(ScheduleEntity.From(schedule), current.Value.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status is 404 or 412)
        {
            return false;
        }
    }

    public async Task DeleteAsync(string teamId, string scheduleId, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        await table.DeleteEntityAsync(TableKey.Escape(teamId), TableKey.Escape(scheduleId), ETag.All, cancellationToken);
    }

    public async Task<IReadOnlyList<Schedule>> ListCreatedByAsync(IReadOnlyCollection<string> creatorIds, CancellationToken cancellationToken)
    {
        if (creatorIds.Count == 0)
        {
            return [];
        }

        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var filter = string.Join(" or ", creatorIds.Select(id => TableClient.CreateQueryFilter($"CreatedBy eq {id}")));
        var schedules = new List<Schedule>();
        await foreach (var entity in table.QueryAsync<ScheduleEntity>(filter, cancellationToken: cancellationToken))
        {
            schedules.Add(entity.ToSchedule());
        }

        return schedules;
    }

    public async Task<bool> ForgetCreatorAsync(string teamId, string scheduleId, IReadOnlyCollection<string> creatorIds, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var current = await table.GetEntityIfExistsAsync<TableEntity>(TableKey.Escape(teamId), TableKey.Escape(scheduleId), cancellationToken: cancellationToken);
            if (!current.HasValue || !creatorIds.Contains(current.Value!.GetString(nameof(ScheduleEntity.CreatedBy)) ?? string.Empty, StringComparer.Ordinal))
            {
                return false;
            }

            // Only the one property, guarded by the row's ETag: an edit saved meanwhile is kept, and read again.
            // UpdatedAt stays, so a leader's open form is not refused for it.
            var blanked = new TableEntity(current.Value.PartitionKey, current.Value.RowKey) { [nameof(ScheduleEntity.CreatedBy)] = string.Empty };
            try
            {
                await table.UpdateEntityAsync(blanked, current.Value.ETag, TableUpdateMode.Merge, cancellationToken);
                return true;
            }
            catch (RequestFailedException exception) when (exception.Status is 404 or 412 && attempt < 5)
            {
                // Changed or deleted meanwhile: look again.
            }
        }
    }

    private sealed class ScheduleEntity : ITableEntity
    {
        public string PartitionKey { get; set; } = string.Empty;

        public string RowKey { get; set; } = string.Empty;

        public DateTimeOffset? Timestamp { get; set; }

        public ETag ETag { get; set; }

        public string TeamId { get; set; } = string.Empty;

        public string ScheduleId { get; set; } = string.Empty;

        public string Routine { get; set; } = string.Empty;

        public string ChannelId { get; set; } = string.Empty;

        public string Weekdays { get; set; } = string.Empty;

        public string TimeOfDay { get; set; } = "08:30";

        public int EveryNWeeks { get; set; } = 1;

        public string OnlyInWeeks { get; set; } = string.Empty;

        public string StartDate { get; set; } = string.Empty;

        public string? EndDate { get; set; }

        public string TimeZoneId { get; set; } = "Europe/Stockholm";

        public bool SkipPublicHolidays { get; set; } = true;

        public string BreakWeeks { get; set; } = string.Empty;

        public string Language { get; set; } = nameof(Localization.Language.Swedish);

        public bool IsPaused { get; set; }

        public string CreatedBy { get; set; } = string.Empty;

        public DateTimeOffset CreatedAt { get; set; }

        public DateTimeOffset UpdatedAt { get; set; }

        public static ScheduleEntity From(Schedule schedule) => new()
        {
            PartitionKey = TableKey.Escape(schedule.TeamId),
            RowKey = TableKey.Escape(schedule.ScheduleId),
            TeamId = schedule.TeamId,
            ScheduleId = schedule.ScheduleId,
            Routine = schedule.Routine.ToString(),
            ChannelId = schedule.ChannelId,
            Weekdays = string.Join(',', schedule.Rule.Weekdays),
            TimeOfDay = schedule.Rule.TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture),
            EveryNWeeks = schedule.Rule.EveryNWeeks,
            OnlyInWeeks = string.Join(',', schedule.Rule.OnlyInWeeks),
            StartDate = schedule.Rule.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            EndDate = schedule.Rule.EndDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            TimeZoneId = schedule.Rule.TimeZoneId,
            SkipPublicHolidays = schedule.Rule.SkipPublicHolidays,
            BreakWeeks = string.Join(',', schedule.Rule.BreakWeeks),
            Language = schedule.Language.ToString(),
            IsPaused = schedule.IsPaused,
            CreatedBy = schedule.CreatedBy,
            CreatedAt = schedule.CreatedAt,
            UpdatedAt = schedule.UpdatedAt,
        };

        public Schedule ToSchedule() => new(
            TeamId,
            ScheduleId,
            Enum.Parse<RoutineKind>(Routine),
            ChannelId,
            new ScheduleRule(
                [.. Split(Weekdays).Select(Enum.Parse<DayOfWeek>)],
                TimeOnly.ParseExact(TimeOfDay, "HH:mm", CultureInfo.InvariantCulture),
                DateOnly.ParseExact(StartDate, "yyyy-MM-dd", CultureInfo.InvariantCulture))
            {
                EveryNWeeks = EveryNWeeks,
                OnlyInWeeks = [.. Split(OnlyInWeeks).Select(int.Parse)],
                EndDate = EndDate is null ? null : DateOnly.ParseExact(EndDate, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                TimeZoneId = TimeZoneId,
                SkipPublicHolidays = SkipPublicHolidays,
                BreakWeeks = [.. Split(BreakWeeks).Select(int.Parse)],
            },
            Enum.Parse<Language>(Language),
            IsPaused,
            CreatedBy,
            CreatedAt,
            UpdatedAt);

        private static string[] Split(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Schedule {ScheduleId} of team {TeamId} cannot be read and is left out")]
    private partial void LogUnreadable(Exception exception, string teamId, string scheduleId);
}
