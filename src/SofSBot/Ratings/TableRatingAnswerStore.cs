using System.Globalization;
using Azure;
using Azure.Data.Tables;
using SofSBot.Storage;

namespace SofSBot.Ratings;

/// <summary>
/// Answers in the <c>RatingAnswers</c> table. PartitionKey = <c>{periodId}|{teamId}</c>, so a period's
/// export is one PartitionKey range query and a round's answers one partition. RowKeys:
/// <c>{roundId}|{userId}|{goalId}</c> the current answer, <c>…|{goalId}|{revision}</c> each value it
/// had (history), <c>{roundId}!{userId}</c> the mark that the member answered (counted for the card).
/// A save writes the changed answers, their history rows and the mark in one batch, guarded by the
/// answers' ETags, so two saves of one member never lose or duplicate a change.
/// </summary>
internal sealed class TableRatingAnswerStore(TableProvider tables) : IRatingAnswerStore
{
    public const string TableName = "RatingAnswers";

    private const int MaxAttempts = 20;
    private const int MaxBatchActions = 100;

    public static string PartitionKeyFor(string periodId, string teamId) => $"{TableKey.Escape(periodId)}|{TableKey.Escape(teamId)}";

    public static string AnswerRowKey(string roundId, string userId, string goalId) =>
        $"{TableKey.Escape(roundId)}|{TableKey.Escape(userId)}|{TableKey.Escape(goalId)}";

    public static string HistoryRowKey(string roundId, string userId, string goalId, int revision) =>
        AnswerRowKey(roundId, userId, goalId) + "|" + revision.ToString("D5", CultureInfo.InvariantCulture);

    public static string RespondentRowKey(string roundId, string userId) => $"{TableKey.Escape(roundId)}!{TableKey.Escape(userId)}";

    public async Task<AnswerSaveOutcome> SaveAsync(
        RatingRound round, string userId, IReadOnlyDictionary<string, int> values, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if ((values.Count * 2) + 1 > MaxBatchActions)
        {
            throw new ArgumentException($"At most {(MaxBatchActions - 1) / 2} goals can be saved at once.", nameof(values));
        }

        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var partitionKey = PartitionKeyFor(round.PeriodId, round.TeamId);
        for (var attempt = 1; ; attempt++)
        {
            var current = await ReadUserRowsAsync(table, partitionKey, round.RoundId, userId, cancellationToken);
            var respondentKey = RespondentRowKey(round.RoundId, userId);
            var isRespondent = current.Any(row => row.RowKey == respondentKey);
            var actions = new List<TableTransactionAction>();
            foreach (var (goalId, value) in values)
            {
                var rowKey = AnswerRowKey(round.RoundId, userId, goalId);
                var existing = current.FirstOrDefault(row => row.RowKey == rowKey);
                if (existing?.GetInt32("Value") == value)
                {
                    continue;
                }

                var revision = (existing?.GetInt32("Revision") ?? 0) + 1;
                var answer = AnswerEntity(partitionKey, rowKey, round, userId, goalId, value, now, revision, RatingRowKind.Answer);
                answer["FirstAnsweredAt"] = existing?.GetDateTimeOffset("FirstAnsweredAt") ?? now;
                actions.Add(existing is null
                    ? new TableTransactionAction(TableTransactionActionType.Add, answer)
                    : new TableTransactionAction(TableTransactionActionType.UpdateReplace, answer, existing.ETag));
                actions.Add(new TableTransactionAction(
                    TableTransactionActionType.Add,
                    AnswerEntity(partitionKey, HistoryRowKey(round.RoundId, userId, goalId, revision), round, userId, goalId, value, now, revision, RatingRowKind.History)));
            }

            // Each changed goal wrote its answer and one history row.
            var changedGoals = actions.Count / 2;
            if (changedGoals == 0)
            {
                return new AnswerSaveOutcome(0, false);
            }

            if (!isRespondent)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partitionKey, respondentKey)
                {
                    ["Kind"] = nameof(RatingRowKind.Respondent),
                    ["PeriodId"] = round.PeriodId,
                    ["TeamId"] = round.TeamId,
                    ["RoundId"] = round.RoundId,
                    ["UserId"] = userId,
                    ["AnsweredAt"] = now,
                }));
            }

            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
                return new AnswerSaveOutcome(changedGoals, !isRespondent);
            }
            catch (TableTransactionFailedException exception) when (exception.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // The same member saved at once elsewhere (a retried invoke, two devices): decide again on what is stored now.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(2, 10 * Math.Min(attempt, 5))), cancellationToken);
            }
        }
    }

    public async Task<IReadOnlyDictionary<string, RatingAnswer>> GetForUserAsync(RatingRound round, string userId, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var rows = await ReadUserRowsAsync(table, PartitionKeyFor(round.PeriodId, round.TeamId), round.RoundId, userId, cancellationToken);
        return rows.Where(row => row.GetString("Kind") == nameof(RatingRowKind.Answer))
            .Select(ToAnswer)
            .ToDictionary(answer => answer.GoalId, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<RatingAnswer>> ListAsync(RatingRound round, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var prefix = TableKey.Escape(round.RoundId) + "|";
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {PartitionKeyFor(round.PeriodId, round.TeamId)} and RowKey ge {prefix} and RowKey lt {PrefixEnd(prefix)} and Kind eq {nameof(RatingRowKind.Answer)}");
        var answers = new List<RatingAnswer>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            answers.Add(ToAnswer(row));
        }

        return answers;
    }

    public async Task<IReadOnlySet<string>> ListRespondentsAsync(RatingRound round, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var prefix = TableKey.Escape(round.RoundId) + "!";
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {PartitionKeyFor(round.PeriodId, round.TeamId)} and RowKey ge {prefix} and RowKey lt {PrefixEnd(prefix)}");
        var respondents = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["UserId"], cancellationToken: cancellationToken))
        {
            respondents.Add(row.GetString("UserId"));
        }

        return respondents;
    }

    public async Task<IReadOnlyList<StoredRatingRow>> FindByUserAsync(string userId, CancellationToken cancellationToken)
    {
        var rows = await ReadAllOfUserAsync(userId, cancellationToken);
        return [.. rows.Select(row => new StoredRatingRow(
            row.GetString("PeriodId"),
            row.GetString("TeamId"),
            row.GetString("RoundId"),
            Enum.TryParse<RatingRowKind>(row.GetString("Kind"), out var kind) ? kind : RatingRowKind.Answer,
            row.GetString("GoalId"),
            row.GetInt32("Value"),
            row.GetDateTimeOffset("AnsweredAt") ?? DateTimeOffset.MinValue,
            row.GetInt32("Revision") ?? 0))];
    }

    public async Task<int> EraseUserAsync(string userId, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var rows = await ReadAllOfUserAsync(userId, cancellationToken);
        foreach (var partition in rows.GroupBy(row => row.PartitionKey))
        {
            foreach (var chunk in partition.Chunk(MaxBatchActions))
            {
                try
                {
                    await table.SubmitTransactionAsync(
                        chunk.Select(row => new TableTransactionAction(TableTransactionActionType.Delete, row, ETag.All)), cancellationToken);
                }
                catch (TableTransactionFailedException exception) when (exception.Status == 404)
                {
                    // Erased meanwhile by a second request: delete the rest one by one.
                    foreach (var row in chunk)
                    {
                        await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
                    }
                }
            }
        }

        return rows.Count;
    }

    // Own-data requests are rare: a filtered scan of the table rather than an index kept on every answer.
    private async Task<List<TableEntity>> ReadAllOfUserAsync(string userId, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"UserId eq {userId}"), cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    private static async Task<List<TableEntity>> ReadUserRowsAsync(
        TableClient table, string partitionKey, string roundId, string userId, CancellationToken cancellationToken)
    {
        // The member's answers ("{round}|{user}|…", history filtered out) and the respondent mark.
        var prefix = $"{TableKey.Escape(roundId)}|{TableKey.Escape(userId)}|";
        var respondentKey = RespondentRowKey(roundId, userId);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partitionKey} and ((RowKey ge {prefix} and RowKey lt {PrefixEnd(prefix)} and Kind eq {nameof(RatingRowKind.Answer)}) or RowKey eq {respondentKey})");
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The smallest key after every key that starts with <paramref name="prefix"/>.</summary>
    private static string PrefixEnd(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    private static TableEntity AnswerEntity(
        string partitionKey, string rowKey, RatingRound round, string userId, string goalId, int value, DateTimeOffset now, int revision, RatingRowKind kind) =>
        new(partitionKey, rowKey)
        {
            ["Kind"] = kind.ToString(),
            ["PeriodId"] = round.PeriodId,
            ["TeamId"] = round.TeamId,
            ["RoundId"] = round.RoundId,
            ["UserId"] = userId,
            ["GoalId"] = goalId,
            ["Value"] = value,
            ["AnsweredAt"] = now,
            ["Revision"] = revision,
        };

    private static RatingAnswer ToAnswer(TableEntity row) => new(
        row.GetString("UserId"),
        row.GetString("GoalId"),
        row.GetInt32("Value") ?? -1,
        row.GetDateTimeOffset("AnsweredAt") ?? DateTimeOffset.MinValue);
}
