using System.Globalization;
using Azure;
using Azure.Data.Tables;
using SofSBot.Localization;
using SofSBot.Storage;

namespace SofSBot.Routines.AppreciativeInquiry;

/// <summary>
/// The <c>LearningLog</c> table. PartitionKey = <c>{team}|{meeting}</c>: one card's board is one
/// small partition changed through <see cref="VersionedPartition"/> (a row <c>meeting</c>, a row
/// <c>note|000001</c>… per saved note version, and the version row), so every click reads a handful
/// of rows however long the team's log grows. A team's whole log is the key range
/// <c>{team}|</c> … <c>{team}}</c> ('}' follows '|').
/// </summary>
internal sealed class TableLearningLog(TableProvider tables) : ILearningLog
{
    public const string TableName = "LearningLog";
    public const string MeetingRowKey = "meeting";
    public const string NoteRowKeyPrefix = "note|";

    // A batch holds at most 100 actions, one of them the version row.
    private const int MaxChangesPerBatch = 99;

    // How far back the previous interviewee is looked for: a team that paused for a month starts afresh.
    private static readonly TimeSpan PreviousMeetingWindow = TimeSpan.FromDays(42);

    public static string PartitionKeyOf(string teamId, string meetingId) => $"{TeamPrefix(teamId)}{TableKey.Escape(meetingId)}";

    /// <summary>The team and meeting of a partition key made by <see cref="PartitionKeyOf"/> (team ids hold no '|').</summary>
    public static bool TryParsePartitionKey(string partitionKey, out string teamId, out string meetingId)
    {
        var bar = partitionKey.IndexOf('|', StringComparison.Ordinal);
        teamId = bar <= 0 ? string.Empty : TableKey.Unescape(partitionKey[..bar]);
        meetingId = bar <= 0 ? string.Empty : TableKey.Unescape(partitionKey[(bar + 1)..]);
        return teamId.Length > 0 && meetingId.Length > 0;
    }

    public static string NoteRowKey(int version) => NoteRowKeyPrefix + version.ToString("D6", CultureInfo.InvariantCulture);

    public async Task<InquiryBoard?> GetAsync(string teamId, string meetingId, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        return ToBoard(teamId, await VersionedPartition.ReadAsync(table, PartitionKeyOf(teamId, meetingId), cancellationToken));
    }

    public async Task<long> GetVersionAsync(string teamId, string meetingId, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        return await VersionedPartition.ReadVersionAsync(table, PartitionKeyOf(teamId, meetingId), cancellationToken);
    }

    public async Task<TResult> ChangeAsync<TResult>(
        string teamId, string meetingId, Func<InquiryBoard?, BoardChange<TResult>> decide, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        return await VersionedPartition.ChangeAsync(table, PartitionKeyOf(teamId, meetingId), snapshot =>
        {
            var change = decide(ToBoard(teamId, snapshot));
            var actions = new List<TableTransactionAction>();
            if (change.Board is { } board)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToMeetingRow(snapshot.PartitionKey, board)));
            }

            if (change.AddedNote is { } note)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Add, ToNoteRow(snapshot.PartitionKey, note)));
            }

            return new PartitionChange<TResult>(actions, change.Result);
        }, cancellationToken);
    }

    public async Task<string?> PreviousIntervieweeAsync(string teamId, DateOnly meetingDate, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var prefix = TeamPrefix(teamId);
        var after = DateString(meetingDate.AddDays(-(int)PreviousMeetingWindow.TotalDays));
        var before = DateString(meetingDate);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {prefix} and PartitionKey lt {prefix[..^1] + "}"} and RowKey eq {MeetingRowKey} and MeetingDate ge {after} and MeetingDate lt {before}");
        TableEntity? latest = null;
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (row.GetString("IntervieweeId") is { Length: > 0 }
                && (latest is null || string.CompareOrdinal(row.GetString("MeetingDate"), latest.GetString("MeetingDate")) > 0))
            {
                latest = row;
            }
        }

        return latest?.GetString("IntervieweeId");
    }

    public async Task<IReadOnlyList<InquiryMeetingKey>> MeetingsBetweenAsync(string teamId, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var prefix = TeamPrefix(teamId);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {prefix} and PartitionKey lt {prefix[..^1] + "}"} and RowKey eq {MeetingRowKey} and MeetingDate ge {DateString(first)} and MeetingDate le {DateString(last)}");
        var meetings = new List<InquiryMeetingKey>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            if (TryParsePartitionKey(row.PartitionKey, out var team, out var meetingId))
            {
                meetings.Add(new InquiryMeetingKey(team, meetingId));
            }
        }

        return meetings;
    }

    public async Task<IReadOnlyList<InquiryMeetingKey>> ForgetBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var cutoffDate = DateString(DateOnly.FromDateTime(cutoff.UtcDateTime));

        // Two scans find the boards with something expired: note versions by SavedAt, boards naming an
        // interviewee by MeetingDate. Each board is then changed through its version row.
        var partitions = new HashSet<string>(StringComparer.Ordinal);
        var notes = TableClient.CreateQueryFilter($"RowKey ge {NoteRowKeyPrefix} and RowKey lt {"note}"} and SavedAt lt {cutoff}");
        await foreach (var row in table.QueryAsync<TableEntity>(notes, select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            partitions.Add(row.PartitionKey);
        }

        var boards = TableClient.CreateQueryFilter($"RowKey eq {MeetingRowKey} and MeetingDate lt {cutoffDate}");
        await foreach (var row in table.QueryAsync<TableEntity>(boards, select: ["PartitionKey", "IntervieweeId", "IntervieweeName"], cancellationToken: cancellationToken))
        {
            if (!string.IsNullOrEmpty(row.GetString("IntervieweeId")) || !string.IsNullOrEmpty(row.GetString("IntervieweeName")))
            {
                partitions.Add(row.PartitionKey);
            }
        }

        var changed = new List<InquiryMeetingKey>();
        foreach (var partitionKey in partitions)
        {
            int changedNow;
            var any = false;
            do
            {
                changedNow = await VersionedPartition.ChangeAsync(table, partitionKey, snapshot =>
                {
                    var actions = snapshot.Rows
                        .Where(row => row.RowKey.StartsWith(NoteRowKeyPrefix, StringComparison.Ordinal) && row.GetDateTimeOffset("SavedAt") < cutoff)
                        .Take(MaxChangesPerBatch - 1)
                        .Select(row => new TableTransactionAction(TableTransactionActionType.Delete, row, ETag.All))
                        .ToList();
                    if (snapshot.Find(MeetingRowKey) is { } meeting
                        && string.CompareOrdinal(meeting.GetString("MeetingDate"), cutoffDate) < 0
                        && (!string.IsNullOrEmpty(meeting.GetString("IntervieweeId")) || !string.IsNullOrEmpty(meeting.GetString("IntervieweeName"))))
                    {
                        var board = ToBoard(string.Empty, snapshot)!;
                        var forgotten = ToMeetingRow(partitionKey, board with { Interviewee = null });
                        actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, forgotten, ETag.All));
                    }

                    return new PartitionChange<int>(actions, actions.Count);
                }, cancellationToken);
                any |= changedNow > 0;
            }
            while (changedNow >= MaxChangesPerBatch - 1);

            if (any && TryParsePartitionKey(partitionKey, out var teamId, out var meetingId))
            {
                changed.Add(new InquiryMeetingKey(teamId, meetingId));
            }
        }

        return changed;
    }

    private static string TeamPrefix(string teamId) => TableKey.Escape(teamId) + "|";

    private static string DateString(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static TableEntity ToMeetingRow(string partitionKey, InquiryBoard board) => new(partitionKey, MeetingRowKey)
    {
        ["MeetingId"] = board.MeetingId,
        ["MeetingDate"] = DateString(board.MeetingDate),
        ["MeetingTime"] = board.MeetingTime.ToString("HH:mm", CultureInfo.InvariantCulture),
        ["Language"] = board.Language.ToString(),
        ["QuestionIds"] = string.Join(',', board.QuestionIds),
        ["IntervieweeId"] = board.Interviewee?.UserId,
        ["IntervieweeName"] = board.Interviewee?.UserName,
        ["HighlightAddedAt"] = board.Interviewee?.HighlightAddedAt,
        ["ProposalRound"] = board.ProposalRound,
    };

    private static TableEntity ToNoteRow(string partitionKey, LearningNote note) => new(partitionKey, NoteRowKey(note.Version))
    {
        ["Version"] = note.Version,
        ["Text"] = note.Text,
        ["AuthorId"] = note.AuthorId,
        ["AuthorName"] = note.AuthorName,
        ["SavedAt"] = note.SavedAt,
    };

    private static InquiryBoard? ToBoard(string teamId, PartitionSnapshot snapshot)
    {
        if (snapshot.Find(MeetingRowKey) is not { } meeting)
        {
            return null;
        }

        var notes = snapshot.Rows
            .Where(row => row.RowKey.StartsWith(NoteRowKeyPrefix, StringComparison.Ordinal))
            .Select(row => new LearningNote(
                row.GetInt32("Version") ?? 0,
                row.GetString("Text") ?? string.Empty,
                row.GetString("AuthorId") ?? string.Empty,
                row.GetString("AuthorName") ?? string.Empty,
                row.GetDateTimeOffset("SavedAt") ?? DateTimeOffset.MinValue))
            .OrderBy(note => note.Version)
            .ToList();
        var intervieweeId = meeting.GetString("IntervieweeId");
        return new InquiryBoard(
            teamId,
            meeting.GetString("MeetingId") ?? string.Empty,
            DateOnly.ParseExact(meeting.GetString("MeetingDate") ?? string.Empty, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            TimeOnly.ParseExact(meeting.GetString("MeetingTime") ?? "00:00", "HH:mm", CultureInfo.InvariantCulture),
            Enum.TryParse<Language>(meeting.GetString("Language"), out var language) ? language : Language.Swedish,
            (meeting.GetString("QuestionIds") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries),
            string.IsNullOrEmpty(intervieweeId)
                ? null
                : new Interviewee(intervieweeId, meeting.GetString("IntervieweeName") ?? string.Empty, meeting.GetDateTimeOffset("HighlightAddedAt")),
            meeting.GetInt32("ProposalRound") ?? 0,
            notes,
            snapshot.Version);
    }
}
