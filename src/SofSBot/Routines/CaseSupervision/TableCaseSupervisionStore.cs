using System.Globalization;
using Azure;
using Azure.Data.Tables;
using SofSBot.Localization;
using SofSBot.Storage;

namespace SofSBot.Routines.CaseSupervision;

/// <summary>
/// The <c>CaseSupervision</c> table: PartitionKey = team id + half-year of the meeting date
/// (<c>{team}|2026-H1</c>), one row per meeting (<c>meeting|{meetingId}</c>) and one per booking
/// (<c>booking|{meetingId}|{userId}</c>, so a member holds at most one slot per meeting). A booking and
/// the count it adds to live in one partition, so one batch (guarded by the partition's version row)
/// stores both; a card, a member's count and the team's standing are each one partition query.
/// </summary>
internal sealed partial class TableCaseSupervisionStore(
    TableProvider tables, TimeProvider time, ILogger<TableCaseSupervisionStore> logger) : ICaseSupervisionStore
{
    public const string TableName = "CaseSupervision";

    private const string MeetingPrefix = "meeting|";
    private const string BookingPrefix = "booking|";

    // A batch holds at most 100 actions, one of them the version row.
    private const int MaxChangesPerBatch = 99;

    public static string PartitionKeyOf(string teamId, HalfYear halfYear) => $"{TableKey.Escape(teamId)}|{halfYear.Key}";

    /// <summary>The team and half-year of a partition key made by <see cref="PartitionKeyOf"/>.</summary>
    public static bool TryParsePartitionKey(string partitionKey, out string teamId, out HalfYear halfYear)
    {
        var bar = partitionKey.LastIndexOf('|');
        var suffix = bar < 0 ? string.Empty : partitionKey[(bar + 1)..];
        teamId = bar < 0 ? string.Empty : TableKey.Unescape(partitionKey[..bar]);
        halfYear = default;
        if (suffix is not { Length: 7 } || suffix[4] != '-' || suffix[5] != 'H' || suffix[6] is not ('1' or '2')
            || !int.TryParse(suffix.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return false;
        }

        halfYear = new HalfYear(year, suffix[6] - '0');
        return teamId.Length > 0;
    }

    public static string MeetingRowKey(string meetingId) => MeetingPrefix + TableKey.Escape(meetingId);

    public static string BookingRowKey(string meetingId, string userId) =>
        $"{BookingPrefix}{TableKey.Escape(meetingId)}|{TableKey.Escape(userId.ToLowerInvariant())}";

    public async Task EnsureMeetingAsync(string teamId, SupervisionMeeting meeting, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var partitionKey = PartitionKeyOf(teamId, HalfYear.Of(meeting.MeetingDate));
        await VersionedPartition.ChangeAsync(
            table,
            partitionKey,
            snapshot => snapshot.Find(MeetingRowKey(meeting.MeetingId)) is not null
                ? PartitionChange<bool>.Nothing(false)
                : new PartitionChange<bool>([new TableTransactionAction(TableTransactionActionType.Add, ToEntity(partitionKey, meeting))], true),
            cancellationToken);
    }

    public async Task<SupervisionHalfYear> ReadAsync(string teamId, HalfYear halfYear, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        return ToHalfYear(halfYear, await VersionedPartition.ReadAsync(table, PartitionKeyOf(teamId, halfYear), cancellationToken));
    }

    public async Task<long> ReadVersionAsync(string teamId, HalfYear halfYear, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(
            PartitionKeyOf(teamId, halfYear), VersionedPartition.VersionRowKey, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.GetInt64("Version") ?? 0 : 0;
    }

    public Task<BookingOutcome> BookAsync(
        string teamId, DateOnly meetingDate, string meetingId, string userId, string userName, string? question, CancellationToken cancellationToken) =>
        ChangeAsync(
            teamId,
            meetingDate,
            (halfYear, partitionKey) =>
            {
                var (outcome, store) = halfYear.DecideBooking(meetingId, userId, userName, question, time.GetUtcNow());
                TableTransactionAction[] actions = store is null
                    ? []
                    : [new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(partitionKey, store))];
                return new PartitionChange<BookingOutcome>(actions, outcome);
            },
            cancellationToken);

    public Task<CancellationOutcome> CancelAsync(string teamId, DateOnly meetingDate, string meetingId, string userId, CancellationToken cancellationToken) =>
        ChangeAsync(
            teamId,
            meetingDate,
            (halfYear, partitionKey) =>
            {
                var (outcome, delete) = halfYear.DecideCancellation(meetingId, userId);
                TableTransactionAction[] actions = delete is null
                    ? []
                    : [new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partitionKey, BookingRowKey(meetingId, delete.UserId)), ETag.All)];
                return new PartitionChange<CancellationOutcome>(actions, outcome);
            },
            cancellationToken);

    public async Task<IReadOnlyList<SupervisionMeetingKey>> RemoveQuestionsBookedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);

        // One scan finds the half-years with expired questions (only booking rows have BookedAt); each is
        // then changed through its version row, so a member booking or cancelling at that moment is not lost.
        var filter = TableClient.CreateQueryFilter($"BookedAt lt {cutoff}");
        var partitions = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "Question"], cancellationToken: cancellationToken))
        {
            if (!string.IsNullOrEmpty(row.GetString("Question")))
            {
                partitions.Add(row.PartitionKey);
            }
        }

        var changed = new List<SupervisionMeetingKey>();
        foreach (var partitionKey in partitions)
        {
            if (!TryParsePartitionKey(partitionKey, out var teamId, out var halfYear))
            {
                continue;
            }

            List<SupervisionBooking> expired;
            do
            {
                expired = await VersionedPartition.ChangeAsync(table, partitionKey, snapshot =>
                {
                    var bookings = ToHalfYear(halfYear, snapshot).Bookings
                        .Where(booking => booking.BookedAt < cutoff && !string.IsNullOrEmpty(booking.Question))
                        .Take(MaxChangesPerBatch)
                        .ToList();
                    return new PartitionChange<List<SupervisionBooking>>(
                        [.. bookings.Select(booking => new TableTransactionAction(
                            TableTransactionActionType.UpdateReplace, ToEntity(partitionKey, booking with { Question = null }), ETag.All))],
                        bookings);
                }, cancellationToken);
                changed.AddRange(expired.Select(booking => new SupervisionMeetingKey(teamId, halfYear, booking.MeetingId)));
            }
            while (expired.Count == MaxChangesPerBatch);
        }

        return [.. changed.Distinct()];
    }

    /// <summary>A decision on the meeting's half-year, written with the partition's version (see <see cref="VersionedPartition"/>).</summary>
    private async Task<TResult> ChangeAsync<TResult>(
        string teamId, DateOnly meetingDate, Func<SupervisionHalfYear, string, PartitionChange<TResult>> decide, CancellationToken cancellationToken)
    {
        var halfYear = HalfYear.Of(meetingDate);
        var partitionKey = PartitionKeyOf(teamId, halfYear);
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        return await VersionedPartition.ChangeAsync(table, partitionKey, snapshot => decide(ToHalfYear(halfYear, snapshot), partitionKey), cancellationToken);
    }

    private SupervisionHalfYear ToHalfYear(HalfYear halfYear, PartitionSnapshot snapshot)
    {
        var meetings = new List<SupervisionMeeting>();
        var bookings = new List<SupervisionBooking>();
        foreach (var row in snapshot.Rows)
        {
            try
            {
                if (row.RowKey.StartsWith(MeetingPrefix, StringComparison.Ordinal))
                {
                    meetings.Add(ToMeeting(row));
                }
                else if (row.RowKey.StartsWith(BookingPrefix, StringComparison.Ordinal))
                {
                    bookings.Add(ToBooking(row));
                }
            }
            catch (Exception exception) when (exception is FormatException or ArgumentException or InvalidOperationException)
            {
                // A row this version cannot read (edited by hand, or written by a newer version).
                LogUnreadable(exception, row.PartitionKey, row.RowKey);
            }
        }

        return new SupervisionHalfYear(halfYear, meetings, bookings, snapshot.Version);
    }

    private static TableEntity ToEntity(string partitionKey, SupervisionMeeting meeting) => new(partitionKey, MeetingRowKey(meeting.MeetingId))
    {
        ["MeetingId"] = meeting.MeetingId,
        ["MeetingDate"] = meeting.MeetingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["MeetingTime"] = meeting.MeetingTime.ToString("HH:mm", CultureInfo.InvariantCulture),
        ["Slots"] = meeting.Slots,
        ["Language"] = meeting.Language.ToString(),
        ["ChannelId"] = meeting.ChannelId,
    };

    private static TableEntity ToEntity(string partitionKey, SupervisionBooking booking) => new(partitionKey, BookingRowKey(booking.MeetingId, booking.UserId))
    {
        ["MeetingId"] = booking.MeetingId,
        ["Slot"] = booking.Slot,
        ["UserId"] = booking.UserId,
        ["UserName"] = booking.UserName,
        ["Question"] = booking.Question,
        ["BookedAt"] = booking.BookedAt,
    };

    private static SupervisionMeeting ToMeeting(TableEntity row) => new(
        Required(row, "MeetingId"),
        DateOnly.ParseExact(Required(row, "MeetingDate"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly.ParseExact(Required(row, "MeetingTime"), "HH:mm", CultureInfo.InvariantCulture),
        row.GetInt32("Slots") ?? throw new FormatException("A meeting row has no Slots."),
        Enum.Parse<Language>(Required(row, "Language")),
        Required(row, "ChannelId"));

    private static SupervisionBooking ToBooking(TableEntity row) => new(
        Required(row, "MeetingId"),
        row.GetInt32("Slot") ?? throw new FormatException("A booking row has no Slot."),
        Required(row, "UserId"),
        row.GetString("UserName") ?? string.Empty,
        row.GetString("Question"),
        row.GetDateTimeOffset("BookedAt") ?? throw new FormatException("A booking row has no BookedAt."));

    private static string Required(TableEntity row, string property) =>
        row.GetString(property) ?? throw new FormatException($"The row has no {property}.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped an unreadable case-supervision row {PartitionKey}/{RowKey}")]
    private partial void LogUnreadable(Exception exception, string partitionKey, string rowKey);
}
