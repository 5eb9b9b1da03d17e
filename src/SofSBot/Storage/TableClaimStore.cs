using Azure;
using Azure.Data.Tables;

namespace SofSBot.Storage;

/// <summary>
/// Claims as rows in the <c>Claims</c> table: PartitionKey = scope, RowKey = key, <c>State</c>
/// <c>Pending</c> (with <c>ClaimedAt</c> and <c>LeaseUntil</c>) until completed, then <c>Done</c>.
/// Inserting a row that exists fails with 409 in Azure and Azurite alike, which is the lock; a pending
/// row whose lease has run out is taken over with an update guarded by its ETag, so of two instances
/// racing for it one gets 412. Rows written before claims had a state have none and count as done.
/// </summary>
internal sealed class TableClaimStore(TableProvider tables, TimeProvider time, Telemetry.BotTelemetry? telemetry = null) : IClaimStore
{
    public const string TableName = "Claims";

    internal const string StateColumn = "State";
    internal const string ClaimedAtColumn = "ClaimedAt";
    internal const string LeaseUntilColumn = "LeaseUntil";
    internal const string CompletedAtColumn = "CompletedAt";
    internal const string Pending = "Pending";
    internal const string Done = "Done";

    public async Task<ClaimOutcome> TryClaimAsync(string scope, string key, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var partitionKey = TableKey.Escape(scope);
        var rowKey = TableKey.Escape(key);

        // Twice at most: a row released between our insert and our read is inserted afresh.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var now = time.GetUtcNow();
            var claim = new TableEntity(partitionKey, rowKey)
            {
                [StateColumn] = Pending,
                [ClaimedAtColumn] = now,
                [LeaseUntilColumn] = now + lease,
            };
            try
            {
                await table.AddEntityAsync(claim, cancellationToken);
                return ClaimOutcome.Claimed;
            }
            catch (RequestFailedException exception) when (exception.Status == 409)
            {
                // Someone has it: take it over only if it is pending and its lease has run out.
            }

            var existing = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
            if (!existing.HasValue)
            {
                continue;
            }

            var row = existing.Value!;
            if (row.GetString(StateColumn) != Pending)
            {
                return ClaimOutcome.Done;
            }

            if (row.GetDateTimeOffset(LeaseUntilColumn) is { } leaseUntil && leaseUntil > now)
            {
                return ClaimOutcome.Held;
            }

            try
            {
                await table.UpdateEntityAsync(claim, row.ETag, TableUpdateMode.Replace, cancellationToken);
                telemetry?.ClaimTakenOver(TableName);
                return ClaimOutcome.Claimed;
            }
            catch (RequestFailedException exception) when (exception.Status == 412)
            {
                // Another caller took it over first.
                return ClaimOutcome.Held;
            }
            catch (RequestFailedException exception) when (exception.Status == 404)
            {
                // Given back meanwhile: inserted afresh on the next attempt.
            }
        }

        return ClaimOutcome.Held;
    }

    public async Task CompleteAsync(string scope, string key, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var done = new TableEntity(TableKey.Escape(scope), TableKey.Escape(key))
        {
            [StateColumn] = Done,
            [CompletedAtColumn] = time.GetUtcNow(),
        };
        try
        {
            await table.UpdateEntityAsync(done, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // Erased while the work ran ("mina data"): the person asked for no record of it.
        }
    }

    public async Task ReleaseAsync(string scope, string key, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        await table.DeleteEntityAsync(TableKey.Escape(scope), TableKey.Escape(key), ETag.All, cancellationToken);
    }

    public async Task<IReadOnlyList<ClaimRecord>> ListAsync(string scope, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var claims = new List<ClaimRecord>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Escape(scope)}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["RowKey", ClaimedAtColumn], cancellationToken: cancellationToken))
        {
            claims.Add(new ClaimRecord(TableKey.Unescape(entity.RowKey), entity.GetDateTimeOffset(ClaimedAtColumn)));
        }

        return claims;
    }
}
