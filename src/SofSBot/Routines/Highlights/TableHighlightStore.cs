using System.Globalization;
using Azure.Data.Tables;
using SofSBot.Localization;
using SofSBot.Scheduling;
using SofSBot.Storage;

namespace SofSBot.Routines.Highlights;

/// <summary>
/// Highlights in the <c>Highlights</c> table, one partition per team and ISO week
/// (<c>{team id}|{ISO year}-W{week}</c>): one row per member's highlight (<c>highlight|{user id}</c>)
/// and one per meeting whose card shows them (<c>meeting|{meeting id}</c>). Every change goes through
/// <see cref="VersionedPartition"/>, so members acting at once all get their change stored and a
/// repeated action changes nothing. A trial post and the scheduled post of one week share the partition
/// and so show the same highlights.
/// </summary>
internal sealed class TableHighlightStore(TableProvider tables, TimeProvider time) : IWeekHighlights
{
    public const string TableName = "Highlights";

    private const string HighlightPrefix = "highlight|";
    private const string MeetingPrefix = "meeting|";
    private const string KindProperty = "Kind";
    private const string HighlightKind = "highlight";
    private const string MeetingKind = "meeting";
    private const string ChangedAtProperty = "ChangedAt";

    public static string PartitionKey(string teamId, IsoWeek week) =>
        string.Create(CultureInfo.InvariantCulture, $"{TableKey.Escape(teamId)}|{week.Year}-W{week.Week:00}");

    public static string HighlightRowKey(string userId) => HighlightPrefix + TableKey.Escape(userId);

    public static string MeetingRowKey(string meetingId) => MeetingPrefix + TableKey.Escape(meetingId);

    public async Task<IReadOnlyList<Highlight>> ListAsync(string teamId, int isoYear, int isoWeek, CancellationToken cancellationToken) =>
        (await ReadAsync(teamId, new IsoWeek(isoYear, isoWeek), cancellationToken)).Highlights;

    public async Task<HighlightBoard> ReadAsync(string teamId, IsoWeek week, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        return ToBoard(week, await VersionedPartition.ReadAsync(table, PartitionKey(teamId, week), cancellationToken));
    }

    public async Task<long> ReadVersionAsync(string teamId, IsoWeek week, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(
            PartitionKey(teamId, week), VersionedPartition.VersionRowKey, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.GetInt64("Version") ?? 0 : 0;
    }

    /// <summary>Records a meeting whose card shows the week's highlights; recording it again changes nothing.</summary>
    public async Task SaveMeetingAsync(string teamId, HighlightMeeting meeting, CancellationToken cancellationToken)
    {
        var week = IsoWeek.Of(meeting.MeetingDate);
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        await VersionedPartition.ChangeAsync(table, PartitionKey(teamId, week), snapshot =>
        {
            var rowKey = MeetingRowKey(meeting.MeetingId);
            if (snapshot.Find(rowKey) is { } existing && ToMeeting(existing) == meeting)
            {
                return PartitionChange<bool>.Nothing(false);
            }

            var row = new TableEntity(snapshot.PartitionKey, rowKey)
            {
                [KindProperty] = MeetingKind,
                ["MeetingId"] = meeting.MeetingId,
                ["MeetingDate"] = meeting.MeetingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["MeetingTime"] = meeting.MeetingTime.ToString("HH:mm", CultureInfo.InvariantCulture),
                ["Language"] = meeting.Language.ToString(),
            };
            return new PartitionChange<bool>([new TableTransactionAction(TableTransactionActionType.UpsertReplace, row)], true);
        }, cancellationToken);
    }

    /// <summary>Adds the member's highlight of the week, or replaces it: one highlight per member and week.</summary>
    public async Task<HighlightOutcome> SetAsync(
        string teamId, IsoWeek week, string meetingId, string userId, string userName, string text, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        return await VersionedPartition.ChangeAsync(table, PartitionKey(teamId, week), snapshot =>
        {
            if (snapshot.Find(MeetingRowKey(meetingId)) is null)
            {
                return PartitionChange<HighlightOutcome>.Nothing(HighlightOutcome.NoSuchMeeting);
            }

            var rowKey = HighlightRowKey(userId);
            var existing = snapshot.Find(rowKey);
            if (existing is not null && existing.GetString("Text") == text)
            {
                return PartitionChange<HighlightOutcome>.Nothing(HighlightOutcome.Unchanged);
            }

            var now = time.GetUtcNow();
            var row = new TableEntity(snapshot.PartitionKey, rowKey)
            {
                [KindProperty] = HighlightKind,
                ["UserId"] = userId,
                ["UserName"] = userName,
                ["Text"] = text,
                ["AddedAt"] = existing?.GetDateTimeOffset("AddedAt") ?? now,
                [ChangedAtProperty] = now,
            };
            return new PartitionChange<HighlightOutcome>(
                [new TableTransactionAction(TableTransactionActionType.UpsertReplace, row)],
                existing is null ? HighlightOutcome.Added : HighlightOutcome.Changed);
        }, cancellationToken);
    }

    /// <summary>Removes the member's own highlight of the week.</summary>
    public async Task<HighlightOutcome> RemoveAsync(string teamId, IsoWeek week, string meetingId, string userId, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        return await VersionedPartition.ChangeAsync(table, PartitionKey(teamId, week), snapshot =>
        {
            if (snapshot.Find(MeetingRowKey(meetingId)) is null)
            {
                return PartitionChange<HighlightOutcome>.Nothing(HighlightOutcome.NoSuchMeeting);
            }

            return snapshot.Find(HighlightRowKey(userId)) is { } existing
                ? new PartitionChange<HighlightOutcome>([new TableTransactionAction(TableTransactionActionType.Delete, existing)], HighlightOutcome.Removed)
                : PartitionChange<HighlightOutcome>.Nothing(HighlightOutcome.NothingToRemove);
        }, cancellationToken);
    }

    /// <summary>
    /// Deletes every highlight (text and name) last written before <paramref name="cutoff"/>, in all
    /// teams and weeks. Returns how many were deleted.
    /// </summary>
    public async Task<int> DeleteWrittenBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var partitions = new HashSet<string>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"Kind eq {HighlightKind} and ChangedAt lt {cutoff}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            partitions.Add(row.PartitionKey);
        }

        var deleted = 0;
        foreach (var partitionKey in partitions)
        {
            // Decided again on the partition as it is now: a text changed meanwhile is young again.
            deleted += await VersionedPartition.ChangeAsync(table, partitionKey, snapshot =>
            {
                var old = snapshot.Rows
                    .Where(row => IsHighlight(row) && row.GetDateTimeOffset(ChangedAtProperty) < cutoff)
                    .Select(row => new TableTransactionAction(TableTransactionActionType.Delete, row))
                    .ToList();
                return new PartitionChange<int>(old, old.Count);
            }, cancellationToken);
        }

        return deleted;
    }

    private static HighlightBoard ToBoard(IsoWeek week, PartitionSnapshot snapshot) => new(
        week,
        [.. snapshot.Rows.Where(IsHighlight).Select(ToHighlight).OrderBy(highlight => highlight.AddedAt).ThenBy(highlight => highlight.UserId, StringComparer.Ordinal)],
        [.. snapshot.Rows.Where(row => row.GetString(KindProperty) == MeetingKind).Select(ToMeeting)],
        snapshot.Version);

    private static bool IsHighlight(TableEntity row) => row.GetString(KindProperty) == HighlightKind;

    private static Highlight ToHighlight(TableEntity row) => new(
        row.GetString("UserId") ?? string.Empty,
        row.GetString("UserName") ?? string.Empty,
        row.GetString("Text") ?? string.Empty,
        row.GetDateTimeOffset("AddedAt") ?? DateTimeOffset.MinValue);

    private static HighlightMeeting ToMeeting(TableEntity row) => new(
        row.GetString("MeetingId") ?? string.Empty,
        DateOnly.ParseExact(row.GetString("MeetingDate") ?? string.Empty, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly.ParseExact(row.GetString("MeetingTime") ?? string.Empty, "HH:mm", CultureInfo.InvariantCulture),
        Enum.TryParse<Language>(row.GetString("Language"), out var language) ? language : Language.Swedish);
}
