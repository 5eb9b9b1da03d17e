using Azure;
using Azure.Data.Tables;

namespace SofSBot.Storage;

/// <summary>
/// Optimistic changes to a small partition that is read and written as one unit, such as the board
/// behind one routine card. A change reads the whole partition, decides, and writes its rows together
/// with the partition's version row in one batch guarded by that row's ETag. When two members act at
/// once the loser of the race (412; 409 on the first write; 404 when it deletes or replaces a row just deleted) reads again and decides again, so both
/// changes are stored; a decision that changes nothing writes nothing, which makes repeats harmless.
/// </summary>
internal static class VersionedPartition
{
    /// <summary>The row that counts the partition's changes; '~' sorts after every id we use.</summary>
    public const string VersionRowKey = "~version";

    private const string VersionProperty = "Version";
    private const int MaxAttempts = 20;
    private const int MaxBatchActions = 100;

    public static async Task<PartitionSnapshot> ReadAsync(TableClient table, string partitionKey, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        TableEntity? versionRow = null;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (row.RowKey == VersionRowKey)
            {
                versionRow = row;
            }
            else
            {
                rows.Add(row);
            }
        }

        return new PartitionSnapshot(partitionKey, rows, versionRow?.GetInt64(VersionProperty) ?? 0, versionRow?.ETag);
    }

    /// <summary>Only the partition's version (0 before its first change): one point read.</summary>
    public static async Task<long> ReadVersionAsync(TableClient table, string partitionKey, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, VersionRowKey, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.GetInt64(VersionProperty) ?? 0 : 0;
    }

    /// <summary>Reads, decides and writes until the write lands on the version it was decided on.</summary>
    public static async Task<TResult> ChangeAsync<TResult>(
        TableClient table, string partitionKey, Func<PartitionSnapshot, PartitionChange<TResult>> decide, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var snapshot = await ReadAsync(table, partitionKey, cancellationToken);
            var change = decide(snapshot);
            if (change.Actions.Count == 0)
            {
                return change.Result;
            }

            if (change.Actions.Count >= MaxBatchActions)
            {
                throw new InvalidOperationException($"A partition change may write at most {MaxBatchActions - 1} rows.");
            }

            var version = new TableEntity(partitionKey, VersionRowKey) { [VersionProperty] = snapshot.Version + 1 };
            var versionAction = snapshot.VersionETag is { } etag
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, version, etag)
                : new TableTransactionAction(TableTransactionActionType.Add, version);
            try
            {
                await table.SubmitTransactionAsync([.. change.Actions, versionAction], cancellationToken);
                return change.Result;
            }
            catch (TableTransactionFailedException exception) when (exception.Status is 404 or 409 or 412 && attempt < MaxAttempts)
            {
                // Someone else changed the partition since we read it: decide again on what is there now.
                // A row deleted meanwhile fails the batch with 404 before the version row's 412 is seen.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * Math.Min(attempt, 5))), cancellationToken);
            }
        }
    }
}

/// <summary>The rows of one partition as read, without its version row, and the version they are at.</summary>
internal sealed record PartitionSnapshot(string PartitionKey, IReadOnlyList<TableEntity> Rows, long Version, ETag? VersionETag)
{
    public TableEntity? Find(string rowKey) => Rows.FirstOrDefault(row => row.RowKey == rowKey);
}

/// <summary>The rows to write (adds, upserts, deletes in the partition) and what to tell the caller.</summary>
internal sealed record PartitionChange<TResult>(IReadOnlyList<TableTransactionAction> Actions, TResult Result)
{
    public static PartitionChange<TResult> Nothing(TResult result) => new([], result);
}
