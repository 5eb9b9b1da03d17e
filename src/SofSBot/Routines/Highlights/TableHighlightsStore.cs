using System.Globalization;
using Azure.Data.Tables;
using SofSBot.Localization;
using SofSBot.Scheduling;
using SofSBot.Storage;

namespace SofSBot.Routines.Highlights;

/// <summary>
/// Highlights in the <c>Highlights</c> table, one partition per team and ISO week
/// (<c>{teamId}|{isoYear}-W{ww}</c>): the week's highlight rows (RowKey <c>highlight|{userId}</c>), the
/// meetings whose cards show them (RowKey <c>meeting|{meetingId}</c>) and the partition's version row.
/// Every write goes through <see cref="VersionedPartition"/>, so members acting at once all get their
/// change stored and a repeated invoke writes nothing.
/// </summary>
internal sealed class TableHighlightsStore(TableProvider tables, TimeProvider time) : IHighlightsStore, IWeekHighlights
{
    public const string TableName = "Highlights";

    private const string HighlightPrefix = "highlight|";
    private const string MeetingPrefix = "meeting|";
    private const int MaxDeletesPerBatch = 99;

    private const string UserIdProperty = "UserId";
    private const string UserNameProperty = "UserName";
    private const string TextProperty = "Text";
    private const string AddedAtProperty = "AddedAt";
    private const string ChangedAtProperty = "ChangedAt";
    private const string MeetingIdProperty = "MeetingId";
    private const string ChannelIdProperty = "ChannelId";
    private const string MeetingDateProperty = "MeetingDate";
    private const string MeetingTimeProperty = "MeetingTime";
    private const string LanguageProperty = "Language";
    private const string PostedAtProperty = "PostedAt";

    public static string PartitionKeyFor(string teamId, IsoWeek week) =>
        string.Create(CultureInfo.InvariantCulture, $"{TableKey.Escape(teamId)}|{week.Year}-W{week.Week:00}");

    /// <summary>The team and week of a partition key made by <see cref="PartitionKeyFor"/>.</summary>
    public static bool TryParsePartitionKey(string partitionKey, out string teamId, out IsoWeek week)
    {
        var bar = partitionKey.LastIndexOf('|');
        var suffix = bar < 0 ? string.Empty : partitionKey[(bar + 1)..];
        teamId = bar < 0 ? string.Empty : TableKey.Unescape(partitionKey[..bar]);
        week = new IsoWeek(0, 0);
        if (suffix is not { Length: 8 } || suffix[4] != '-' || suffix[5] != 'W'
            || !int.TryParse(suffix.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(suffix.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        week = new IsoWeek(year, number);
        return teamId.Length > 0;
    }

    public async Task AddMeetingAsync(RoutineMeeting meeting, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var rowKey = MeetingPrefix + TableKey.Escape(meeting.MeetingId);
        await VersionedPartition.ChangeAsync(table, PartitionKeyFor(meeting.TeamId, IsoWeek.Of(meeting.MeetingDate)), snapshot =>
        {
            if (snapshot.Find(rowKey) is not null)
            {
                return PartitionChange<bool>.Nothing(false);
            }

            var row = new TableEntity(snapshot.PartitionKey, rowKey)
            {
                [MeetingIdProperty] = meeting.MeetingId,
                [ChannelIdProperty] = meeting.ChannelId,
                [MeetingDateProperty] = meeting.MeetingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                [MeetingTimeProperty] = meeting.MeetingTime.ToString("HH:mm", CultureInfo.InvariantCulture),
                [LanguageProperty] = meeting.Language.Code(),
                [PostedAtProperty] = time.GetUtcNow(),
            };
            return new PartitionChange<bool>([new TableTransactionAction(TableTransactionActionType.Add, row)], true);
        }, cancellationToken);
    }

    public async Task<HighlightsBoard> ReadAsync(string teamId, IsoWeek week, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var snapshot = await VersionedPartition.ReadAsync(table, PartitionKeyFor(teamId, week), cancellationToken);
        var meetings = snapshot.Rows.Where(row => row.RowKey.StartsWith(MeetingPrefix, StringComparison.Ordinal)).Select(ToMeeting).ToList();
        return new HighlightsBoard(teamId, week, meetings, HighlightsIn(snapshot), snapshot.Version);
    }

    public async Task<long> ReadVersionAsync(string teamId, IsoWeek week, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        return await VersionedPartition.ReadVersionAsync(table, PartitionKeyFor(teamId, week), cancellationToken);
    }

    public async Task<IReadOnlyList<Highlight>> ListAsync(string teamId, int isoYear, int isoWeek, CancellationToken cancellationToken) =>
        (await ReadAsync(teamId, new IsoWeek(isoYear, isoWeek), cancellationToken)).Highlights;

    public async Task<HighlightWrite> SaveAsync(
        string teamId, IsoWeek week, string meetingId, string userId, string userName, string text, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var rowKey = HighlightPrefix + TableKey.Escape(userId);
        return await VersionedPartition.ChangeAsync(table, PartitionKeyFor(teamId, week), snapshot =>
        {
            if (snapshot.Find(MeetingPrefix + TableKey.Escape(meetingId)) is null)
            {
                return PartitionChange<HighlightWrite>.Nothing(HighlightWrite.MeetingNotFound);
            }

            var now = time.GetUtcNow();
            var existing = snapshot.Find(rowKey);
            if (existing is not null
                && existing.GetString(TextProperty) == text
                && existing.GetString(UserNameProperty) == userName)
            {
                return PartitionChange<HighlightWrite>.Nothing(HighlightWrite.Unchanged);
            }

            var row = new TableEntity(snapshot.PartitionKey, rowKey)
            {
                [UserIdProperty] = userId,
                [UserNameProperty] = userName,
                [TextProperty] = text,
                // Retention counts from when the member first wrote this week's highlight.
                [AddedAtProperty] = existing?.GetDateTimeOffset(AddedAtProperty) ?? now,
                [ChangedAtProperty] = now,
            };
            return existing is null
                ? new PartitionChange<HighlightWrite>([new TableTransactionAction(TableTransactionActionType.Add, row)], HighlightWrite.Added)
                : new PartitionChange<HighlightWrite>([new TableTransactionAction(TableTransactionActionType.UpdateReplace, row)], HighlightWrite.Changed);
        }, cancellationToken);
    }

    public async Task<HighlightWrite> RemoveAsync(string teamId, IsoWeek week, string meetingId, string userId, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var rowKey = HighlightPrefix + TableKey.Escape(userId);
        return await VersionedPartition.ChangeAsync(table, PartitionKeyFor(teamId, week), snapshot =>
        {
            if (snapshot.Find(MeetingPrefix + TableKey.Escape(meetingId)) is null)
            {
                return PartitionChange<HighlightWrite>.Nothing(HighlightWrite.MeetingNotFound);
            }

            return snapshot.Find(rowKey) is { } existing
                ? new PartitionChange<HighlightWrite>([new TableTransactionAction(TableTransactionActionType.Delete, existing)], HighlightWrite.Removed)
                : PartitionChange<HighlightWrite>.Nothing(HighlightWrite.Unchanged);
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<DeletedHighlights>> DeleteAddedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);

        // One scan over the table finds the weeks with expired highlights (only highlight rows have AddedAt);
        // each week is then cleaned through its version row, so a member editing at that moment is not lost.
        // The property name is written out: CreateQueryFilter would quote an interpolated name as a string.
        var filter = TableClient.CreateQueryFilter($"AddedAt lt {cutoff}");
        var partitions = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            partitions.Add(row.PartitionKey);
        }

        var deleted = new List<DeletedHighlights>();
        foreach (var partitionKey in partitions)
        {
            var deletedHere = 0;
            int deletedNow;
            do
            {
                deletedNow = await VersionedPartition.ChangeAsync(table, partitionKey, snapshot =>
                {
                    var expired = snapshot.Rows
                        .Where(row => row.RowKey.StartsWith(HighlightPrefix, StringComparison.Ordinal) && row.GetDateTimeOffset(AddedAtProperty) < cutoff)
                        .Take(MaxDeletesPerBatch)
                        .Select(row => new TableTransactionAction(TableTransactionActionType.Delete, row))
                        .ToList();
                    return new PartitionChange<int>(expired, expired.Count);
                }, cancellationToken);
                deletedHere += deletedNow;
            }
            while (deletedNow == MaxDeletesPerBatch);

            if (deletedHere > 0 && TryParsePartitionKey(partitionKey, out var teamId, out var week))
            {
                deleted.Add(new DeletedHighlights(teamId, week, deletedHere));
            }
        }

        return deleted;
    }

    private static List<Highlight> HighlightsIn(PartitionSnapshot snapshot) =>
        [.. snapshot.Rows
            .Where(row => row.RowKey.StartsWith(HighlightPrefix, StringComparison.Ordinal))
            .Select(row => new Highlight(
                row.GetString(UserIdProperty),
                row.GetString(UserNameProperty),
                row.GetString(TextProperty),
                row.GetDateTimeOffset(AddedAtProperty) ?? DateTimeOffset.MinValue))
            .OrderBy(highlight => highlight.AddedAt)
            .ThenBy(highlight => highlight.UserName, StringComparer.CurrentCulture)];

    private static HighlightsMeeting ToMeeting(TableEntity row) => new(
        row.GetString(MeetingIdProperty),
        row.GetString(ChannelIdProperty),
        DateOnly.ParseExact(row.GetString(MeetingDateProperty), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly.ParseExact(row.GetString(MeetingTimeProperty), "HH:mm", CultureInfo.InvariantCulture),
        row.GetString(LanguageProperty) == Language.English.Code() ? Language.English : Language.Swedish);
}
