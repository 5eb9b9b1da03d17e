using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using Azure;
using Azure.Data.Tables;
using SofSBot.Storage;

namespace SofSBot.Ratings;

/// <summary>
/// Answers in the <c>RatingAnswers</c> table. PartitionKey = <c>{periodId}|{teamId}</c>, so a period's
/// export is one PartitionKey range query and a round's answers one partition. RowKeys:
/// <c>{roundId}|{userId}|{goalId}</c> the current answer (a member's answers are one RowKey range),
/// <c>{roundId}~{userId}|{goalId}|{revision}</c> each value it had (history, outside that range so a
/// save never reads it; rows of the previous version, <c>…|{goalId}|{revision}</c>, stay where they are
/// and are filtered out by kind), <c>{roundId}!{userId}</c> the mark that the member answered (for
/// reminders), and <c>{roundId}$c|…</c> the round's respondent count: a base row and
/// <see cref="CountShards"/> shards, so members answering at once rarely write the same row.
/// A save reads the member's answers (one range), and writes the changed answers, their history rows
/// and, on a member's first answer, the mark and the count in one batch guarded by ETags, so two saves
/// never lose or duplicate a change and the count is exact. See docs/decisions/0002-table-storage-keys.md.
/// </summary>
internal sealed class TableRatingAnswerStore(TableProvider tables) : IRatingAnswerStore
{
    public const string TableName = "RatingAnswers";

    /// <summary>Count rows a first answer may write: members answering at once spread over these.</summary>
    public const int CountShards = 32;

    private const int MaxAttempts = 30;
    private const int MaxBatchActions = 100;
    private const int MaxCachedRounds = 10_000;
    private const string BaseShard = "base";
    private const string ClosedShard = "closed";

    // The count rows' last known values and ETags, per round, as this instance last read or wrote them:
    // a first answer writes its shard without reading it first; a stale ETag (another instance wrote)
    // fails the batch with 412 and the rows are read again.
    private readonly ConcurrentDictionary<string, CountState> _counts = new(StringComparer.Ordinal);

    // Which count shards this instance's saves are writing now: a first answer takes a free one, so saves
    // here never collide on a shard (only with another instance's, which the ETag settles).
    private readonly CountShardLeases _shards = new(CountShards);

    private readonly ConcurrentDictionary<string, Task<CountState>> _loading = new(StringComparer.Ordinal);

    public static string PartitionKeyFor(string periodId, string teamId) => $"{TableKey.Escape(periodId)}|{TableKey.Escape(teamId)}";

    public static string AnswerRowKey(string roundId, string userId, string goalId) =>
        $"{TableKey.Escape(roundId)}|{TableKey.Escape(userId)}|{TableKey.Escape(goalId)}";

    public static string HistoryRowKey(string roundId, string userId, string goalId, int revision) =>
        $"{TableKey.Escape(roundId)}~{TableKey.Escape(userId)}|{TableKey.Escape(goalId)}|{revision.ToString("D5", CultureInfo.InvariantCulture)}";

    public static string RespondentRowKey(string roundId, string userId) => $"{TableKey.Escape(roundId)}!{TableKey.Escape(userId)}";

    public static string CountRowKey(string roundId, string shard) => $"{TableKey.Escape(roundId)}$c|{shard}";

    /// <summary>The count shard an erased member is taken off (any shard would do: the count is their sum).</summary>
    public static string ShardOf(string userId) => CountShardLeases.ShardName(CountShardLeases.Hash(userId) % CountShards);

    public async Task<AnswerSaveOutcome> SaveAsync(
        RatingRound round, string userId, IReadOnlyDictionary<string, int> values, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if ((values.Count * 2) + 3 > MaxBatchActions)
        {
            throw new ArgumentException($"At most {(MaxBatchActions - 3) / 2} goals can be saved at once.", nameof(values));
        }

        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var partitionKey = PartitionKeyFor(round.PeriodId, round.TeamId);
        var countKey = CountKey(partitionKey, round.RoundId);
        List<TableEntity>? current = null;
        for (var attempt = 1; ; attempt++)
        {
            current ??= await ReadUserRowsAsync(table, partitionKey, round.RoundId, userId, cancellationToken);
            var mine = current.ToDictionary(row => row.GetString("GoalId"), StringComparer.Ordinal);
            var stored = mine.ToDictionary(pair => pair.Key, pair => pair.Value.GetInt32("Value") ?? -1, StringComparer.Ordinal);
            var isRespondent = current.Count > 0;
            var actions = new List<TableTransactionAction>();
            foreach (var (goalId, value) in values)
            {
                var existing = mine.GetValueOrDefault(goalId);
                if (existing?.GetInt32("Value") == value)
                {
                    continue;
                }

                var revision = (existing?.GetInt32("Revision") ?? 0) + 1;
                var answer = AnswerEntity(partitionKey, AnswerRowKey(round.RoundId, userId, goalId), round, userId, goalId, value, now, revision, RatingRowKind.Answer);
                answer["FirstAnsweredAt"] = existing?.GetDateTimeOffset("FirstAnsweredAt") ?? now;
                actions.Add(existing is null
                    ? new TableTransactionAction(TableTransactionActionType.Add, answer)
                    : new TableTransactionAction(TableTransactionActionType.UpdateReplace, answer, existing.ETag));
                actions.Add(new TableTransactionAction(
                    TableTransactionActionType.Add,
                    AnswerEntity(partitionKey, HistoryRowKey(round.RoundId, userId, goalId, revision), round, userId, goalId, value, now, revision, RatingRowKind.History)));
                stored[goalId] = value;
            }

            // Each changed goal wrote its answer and one history row.
            var changedGoals = actions.Count / 2;
            if (changedGoals == 0)
            {
                return new AnswerSaveOutcome(0, false, stored, null);
            }

            if (isRespondent)
            {
                try
                {
                    await table.SubmitTransactionAsync(actions, cancellationToken);
                    return new AnswerSaveOutcome(changedGoals, false, stored, null);
                }
                catch (TableTransactionFailedException exception) when (exception.Status is 409 or 412 && attempt < MaxAttempts)
                {
                    // The same member saved at once elsewhere (a retried invoke, two devices): decide again on what is stored now.
                    current = null;
                    await BackOffAsync(attempt, cancellationToken);
                    continue;
                }
            }

            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partitionKey, RespondentRowKey(round.RoundId, userId))
            {
                ["Kind"] = nameof(RatingRowKind.Respondent),
                ["PeriodId"] = round.PeriodId,
                ["TeamId"] = round.TeamId,
                ["RoundId"] = round.RoundId,
                ["UserId"] = userId,
                ["AnsweredAt"] = now,
            }));
            var firstCountAction = actions.Count;
            var counts = _counts.TryGetValue(countKey, out var cached) ? cached : await LoadCountAsync(table, partitionKey, round.RoundId, countKey);
            using var lease = _shards.Take(countKey, userId);
            actions.AddRange(counts.Increment(partitionKey, round.RoundId, lease.Shard));
            try
            {
                var responses = await table.SubmitTransactionAsync(actions, cancellationToken);
                var (count, _) = counts.Shards.GetValueOrDefault(lease.Shard);
                var written = _counts.AddOrUpdate(
                    countKey,
                    _ => counts.Written(lease.Shard, count + 1, responses.Value[^1].Headers.ETag ?? default),
                    (_, latest) => latest.Written(lease.Shard, count + 1, responses.Value[^1].Headers.ETag ?? default));
                return new AnswerSaveOutcome(changedGoals, true, stored, written.Total);
            }
            catch (TableTransactionFailedException exception) when (exception.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // A count row changed meanwhile (another instance's first answer, a count taken once for an
                // older round): read the count rows again, keep the member's. Anything else: the same member
                // saved at once elsewhere; decide again on what is stored now.
                _counts.TryRemove(countKey, out _);
                if (exception.FailedTransactionActionIndex is not { } failed || failed < firstCountAction)
                {
                    current = null;
                }

                await BackOffAsync(attempt, cancellationToken);
            }
        }
    }

    /// <summary>
    /// The count rows for a save, read once for all saves in this instance that need them at the same
    /// time (a round's first answers arrive together), not once each.
    /// </summary>
    private async Task<CountState> LoadCountAsync(TableClient table, string partitionKey, string roundId, string countKey)
    {
        // Not the caller's token: the read serves every save waiting on it.
        var loading = _loading.GetOrAdd(countKey, _ => ReadCountAsync(table, partitionKey, roundId, CancellationToken.None, start: true));
        try
        {
            return await loading;
        }
        finally
        {
            _loading.TryRemove(KeyValuePair.Create(countKey, loading));
        }
    }

    private static Task BackOffAsync(int attempt, CancellationToken cancellationToken) =>
        Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 * Math.Min(attempt, 5))), cancellationToken);

    public async Task<int> CountRespondentsAsync(RatingRound round, CancellationToken cancellationToken) =>
        (await ReadTallyAsync(round.PeriodId, round.TeamId, round.RoundId, cancellationToken)).Respondents;

    public async Task<RoundTally> ReadTallyAsync(string periodId, string teamId, string roundId, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var state = await ReadCountAsync(table, PartitionKeyFor(periodId, teamId), roundId, cancellationToken);
        return new RoundTally(state.Total, state.Closed);
    }

    public async Task MarkClosedAsync(RatingRound round, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var partitionKey = PartitionKeyFor(round.PeriodId, round.TeamId);
        await table.UpsertEntityAsync(CountEntity(partitionKey, round.RoundId, ClosedShard, 0), TableUpdateMode.Replace, cancellationToken);
        _counts.TryRemove(CountKey(partitionKey, round.RoundId), out _);
    }

    public async Task<IReadOnlyDictionary<string, RatingAnswer>> GetForUserAsync(RatingRound round, string userId, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var rows = await ReadUserRowsAsync(table, PartitionKeyFor(round.PeriodId, round.TeamId), round.RoundId, userId, cancellationToken);
        return rows.Select(ToAnswer)
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

        foreach (var mark in rows.Where(row => row.GetString("Kind") == nameof(RatingRowKind.Respondent)))
        {
            await UncountAsync(table, mark, userId, cancellationToken);
        }

        return rows.Count;
    }

    /// <summary>Takes an erased respondent off their round's count (a count computed from the marks just now needs nothing).</summary>
    private async Task UncountAsync(TableClient table, TableEntity mark, string userId, CancellationToken cancellationToken)
    {
        var roundId = mark.GetString("RoundId");
        var partitionKey = mark.PartitionKey;
        var shard = ShardOf(userId);
        _counts.TryRemove(CountKey(partitionKey, roundId), out _);
        for (var attempt = 1; ; attempt++)
        {
            var state = await ReadCountAsync(table, partitionKey, roundId, cancellationToken);
            if (state.Listed || !state.BaseExists)
            {
                return;
            }

            var action = state.Shards.TryGetValue(shard, out var current)
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, CountEntity(partitionKey, roundId, shard, current.Count - 1), current.ETag)
                : new TableTransactionAction(TableTransactionActionType.Add, CountEntity(partitionKey, roundId, shard, -1));
            try
            {
                await table.SubmitTransactionAsync([action], cancellationToken);
                return;
            }
            catch (TableTransactionFailedException exception) when (exception.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // A first answer wrote the shard meanwhile: read it again.
            }
        }
    }

    /// <summary>
    /// The round's count rows (one RowKey range, at most <see cref="CountShards"/> + 1 rows). A round
    /// answered under the previous version has no count rows: its respondent marks are counted once and
    /// the result stored as the base row, which every later first answer requires to exist.
    /// </summary>
    /// <param name="start">A save: a round nobody answered yet gets its base row (0) now, before the answers, so first answers at once do not all try to add it.</param>
    private async Task<CountState> ReadCountAsync(TableClient table, string partitionKey, string roundId, CancellationToken cancellationToken, bool start = false)
    {
        for (var attempt = 1; ; attempt++)
        {
            var prefix = CountRowKey(roundId, string.Empty);
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {prefix} and RowKey lt {PrefixEnd(prefix)}");
            var state = CountState.Empty;
            await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey", "Count"], cancellationToken: cancellationToken))
            {
                state = state.With(row.RowKey[prefix.Length..], row.GetInt32("Count") ?? 0, row.ETag);
            }

            if (state.BaseExists)
            {
                Remember(CountKey(partitionKey, roundId), state);
                return state;
            }

            var listed = await CountMarksAsync(table, partitionKey, roundId, cancellationToken);
            if (listed == 0 && !start)
            {
                // A round nobody answered yet: its first answer writes the base row (0).
                return state with { Base = 0 };
            }

            try
            {
                await table.AddEntityAsync(CountEntity(partitionKey, roundId, BaseShard, listed), cancellationToken);
                return state with { Base = listed, BaseExists = true, Listed = listed > 0 };
            }
            catch (RequestFailedException exception) when (exception.Status == 409 && attempt < MaxAttempts)
            {
                // Counted at once elsewhere, or a first answer wrote it: read what is stored.
            }
        }
    }

    private static async Task<int> CountMarksAsync(TableClient table, string partitionKey, string roundId, CancellationToken cancellationToken)
    {
        var prefix = TableKey.Escape(roundId) + "!";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {prefix} and RowKey lt {PrefixEnd(prefix)}");
        var count = 0;
        await foreach (var unused in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            count++;
        }

        return count;
    }

    private void Remember(string countKey, CountState state)
    {
        if (_counts.Count > MaxCachedRounds)
        {
            _counts.Clear();
        }

        _counts[countKey] = state;
    }

    private static string CountKey(string partitionKey, string roundId) => partitionKey + "\n" + roundId;

    private static TableEntity CountEntity(string partitionKey, string roundId, string shard, int count) =>
        new(partitionKey, CountRowKey(roundId, shard)) { ["Kind"] = "Count", ["RoundId"] = roundId, ["Count"] = count };

    /// <summary>A round's count rows as last read or written: the base (respondents before the count existed) and the shards.</summary>
    private sealed record CountState(int Base, bool BaseExists, bool Listed, bool Closed, ImmutableDictionary<string, (int Count, ETag ETag)> Shards)
    {
        public static CountState Empty { get; } = new(0, false, false, false, ImmutableDictionary.Create<string, (int, ETag)>(StringComparer.Ordinal));

        public int Total => Base + Shards.Values.Sum(shard => shard.Count);

        public CountState With(string shard, int count, ETag etag) => shard switch
        {
            BaseShard => this with { Base = count, BaseExists = true },
            ClosedShard => this with { Closed = true },
            _ => this with { Shards = Shards.SetItem(shard, (count, etag)) },
        };

        /// <summary>The batch actions that count one more respondent in <paramref name="shard"/>; the shard's action last.</summary>
        public IEnumerable<TableTransactionAction> Increment(string partitionKey, string roundId, string shard)
        {
            if (!BaseExists)
            {
                yield return new TableTransactionAction(TableTransactionActionType.Add, CountEntity(partitionKey, roundId, BaseShard, Base));
            }

            yield return Shards.TryGetValue(shard, out var current)
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, CountEntity(partitionKey, roundId, shard, current.Count + 1), current.ETag)
                : new TableTransactionAction(TableTransactionActionType.Add, CountEntity(partitionKey, roundId, shard, 1));
        }

        /// <summary>The state after the batch of <see cref="Increment"/> wrote <paramref name="count"/> into <paramref name="shard"/>.</summary>
        public CountState Written(string shard, int count, ETag etag) =>
            this with { BaseExists = true, Listed = false, Shards = Shards.SetItem(shard, (count, etag)) };
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
        // The member's current answers: one RowKey range ("{round}|{user}|…"); history rows the previous
        // version kept in it are filtered out by kind (the ones written now are outside it).
        var prefix = $"{TableKey.Escape(roundId)}|{TableKey.Escape(userId)}|";
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partitionKey} and RowKey ge {prefix} and RowKey lt {PrefixEnd(prefix)} and Kind eq {nameof(RatingRowKind.Answer)}");
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
