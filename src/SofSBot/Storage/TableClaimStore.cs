using Azure;
using Azure.Data.Tables;

namespace SofSBot.Storage;

/// <summary>
/// Claims as rows in the <c>Claims</c> table: PartitionKey = scope, RowKey = key. Inserting a row that
/// exists fails with 409 in Azure and Azurite alike, which is the lock.
/// </summary>
internal sealed class TableClaimStore(TableProvider tables, TimeProvider time) : IClaimStore
{
    public const string TableName = "Claims";

    public async Task<bool> TryClaimAsync(string scope, string key, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var entity = new TableEntity(TableKey.Escape(scope), TableKey.Escape(key))
        {
            ["ClaimedAt"] = time.GetUtcNow(),
        };
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return false;
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
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["RowKey", "ClaimedAt"], cancellationToken: cancellationToken))
        {
            claims.Add(new ClaimRecord(TableKey.Unescape(entity.RowKey), entity.GetDateTimeOffset("ClaimedAt")));
        }

        return claims;
    }
}
