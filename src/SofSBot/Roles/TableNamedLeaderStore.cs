using Azure;
using Azure.Data.Tables;
using SofSBot.Storage;

namespace SofSBot.Roles;

/// <summary>
/// Named leaders in the <c>TeamLeaders</c> table: one partition per team (PartitionKey = team id),
/// one row per leader (RowKey = Entra object id, lower case). Checking a caller is one point read;
/// listing a team's leaders one partition query. Nothing is cached, so a change counts at once on
/// every instance.
/// </summary>
internal sealed class TableNamedLeaderStore(TableProvider tables) : INamedLeaderStore
{
    public const string TableName = "TeamLeaders";

    public async Task<bool> IsNamedLeaderAsync(string teamId, string aadObjectId, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var (partitionKey, rowKey) = KeysFor(teamId, aadObjectId);
        var response = await table.GetEntityIfExistsAsync<LeaderEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
        return response.HasValue;
    }

    public async Task<IReadOnlyList<NamedLeader>> ListAsync(string teamId, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var (partitionKey, _) = KeysFor(teamId, string.Empty);
        var leaders = new List<NamedLeader>();
        await foreach (var entity in table.QueryAsync<LeaderEntity>(e => e.PartitionKey == partitionKey, cancellationToken: cancellationToken))
        {
            leaders.Add(entity.ToLeader());
        }

        return [.. leaders.OrderBy(leader => leader.Name ?? leader.AadObjectId, StringComparer.CurrentCultureIgnoreCase)];
    }

    public Task<IReadOnlyList<NamedLeader>> ListForPersonAsync(string aadObjectId, CancellationToken cancellationToken) =>
        QueryAsync(TableClient.CreateQueryFilter($"RowKey eq {KeysFor(string.Empty, aadObjectId).RowKey}"), cancellationToken);

    public async Task<IReadOnlyList<NamedLeader>> ListNamedByAsync(IReadOnlyCollection<string> namerIds, CancellationToken cancellationToken) =>
        namerIds.Count == 0
            ? []
            : await QueryAsync(string.Join(" or ", namerIds.Select(id => TableClient.CreateQueryFilter($"NamedBy eq {id}"))), cancellationToken);

    public async Task<bool> ForgetNamerAsync(string teamId, string aadObjectId, IReadOnlyCollection<string> namerIds, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var (partitionKey, rowKey) = KeysFor(teamId, aadObjectId);
        var current = await table.GetEntityIfExistsAsync<LeaderEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
        if (!current.HasValue || !namerIds.Contains(current.Value!.NamedBy ?? string.Empty, StringComparer.Ordinal))
        {
            return false;
        }

        try
        {
            // Rows are only added and deleted, never changed otherwise: the ETag guards against a delete and re-add meanwhile.
            var blanked = new TableEntity(partitionKey, rowKey) { [nameof(LeaderEntity.NamedBy)] = string.Empty };
            await table.UpdateEntityAsync(blanked, current.Value.ETag, TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status is 404 or 412)
        {
            return false;
        }
    }

    private async Task<IReadOnlyList<NamedLeader>> QueryAsync(string filter, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var leaders = new List<NamedLeader>();
        await foreach (var entity in table.QueryAsync<LeaderEntity>(filter, cancellationToken: cancellationToken))
        {
            leaders.Add(entity.ToLeader());
        }

        return leaders;
    }

    public async Task<bool> AddAsync(NamedLeader leader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(leader);
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var (partitionKey, rowKey) = KeysFor(leader.TeamId, leader.AadObjectId);
        var entity = new LeaderEntity
        {
            PartitionKey = partitionKey,
            RowKey = rowKey,
            TeamId = leader.TeamId,
            AadObjectId = rowKey,
            Name = leader.Name,
            NamedBy = leader.NamedBy,
            NamedAt = leader.NamedAt,
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

    public async Task<bool> RemoveAsync(string teamId, string aadObjectId, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var (partitionKey, rowKey) = KeysFor(teamId, aadObjectId);
        try
        {
            // The SDK answers a missing row with its 404 rather than throwing.
            using var response = await table.DeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken);
            return response.Status != 404;
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return false;
        }
    }

    private static (string PartitionKey, string RowKey) KeysFor(string teamId, string aadObjectId) =>
        (TableKey.Escape(teamId), TableKey.Escape(aadObjectId.ToLowerInvariant()));

    private sealed class LeaderEntity : ITableEntity
    {
        public string PartitionKey { get; set; } = string.Empty;

        public string RowKey { get; set; } = string.Empty;

        public DateTimeOffset? Timestamp { get; set; }

        public ETag ETag { get; set; }

        public string TeamId { get; set; } = string.Empty;

        public string AadObjectId { get; set; } = string.Empty;

        public string? Name { get; set; }

        public string? NamedBy { get; set; }

        public DateTimeOffset NamedAt { get; set; }

        public NamedLeader ToLeader() => new(TeamId, AadObjectId, Name, string.IsNullOrEmpty(NamedBy) ? null : NamedBy, NamedAt);
    }
}
