using Azure;
using Azure.Data.Tables;
using SofSBot.Storage;

namespace SofSBot.TeamsEvents;

/// <summary>
/// Teams in the <c>Teams</c> table: one partition per team (PartitionKey = team id), holding the team
/// row (RowKey <c>team</c>) and one row per channel (RowKey <c>channel|{channelId}</c>), so a team and
/// its channels are read with one partition query. Changes use ETags and retry on conflict.
/// </summary>
internal sealed class TableTeamStore(TableProvider tables, TimeProvider time) : ITeamStore
{
    public const string TableName = "Teams";

    private const string TeamRowKey = "team";
    private const string ChannelRowPrefix = "channel|";
    private const int MaxAttempts = 8;

    public async Task<Team?> GetTeamAsync(string teamId, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var response = await table.GetEntityIfExistsAsync<TeamEntity>(PartitionKeyFor(teamId), TeamRowKey, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value!.ToTeam() : null;
    }

    public async Task<bool> MarkInstalledAsync(TeamInstallation installation, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var now = time.GetUtcNow();
            var response = await table.GetEntityIfExistsAsync<TeamEntity>(PartitionKeyFor(installation.TeamId), TeamRowKey, cancellationToken: cancellationToken);
            if (!response.HasValue)
            {
                var entity = new TeamEntity
                {
                    PartitionKey = PartitionKeyFor(installation.TeamId),
                    RowKey = TeamRowKey,
                    TeamId = installation.TeamId,
                    Name = installation.Name,
                    TenantId = installation.TenantId,
                    ServiceUrl = installation.ServiceUrl,
                    AadGroupId = installation.AadGroupId,
                    State = nameof(TeamState.Installed),
                    InstalledAt = now,
                    UpdatedAt = now,
                };
                try
                {
                    await table.AddEntityAsync(entity, cancellationToken);
                    return true;
                }
                catch (RequestFailedException exception) when (exception.Status == 409)
                {
                    continue;
                }
            }

            var existing = response.Value!;
            var wasInstalled = existing.State == nameof(TeamState.Installed);
            existing.Name = installation.Name ?? existing.Name;
            existing.TenantId = installation.TenantId ?? existing.TenantId;
            existing.ServiceUrl = installation.ServiceUrl;
            existing.AadGroupId = installation.AadGroupId ?? existing.AadGroupId;
            existing.State = nameof(TeamState.Installed);
            existing.InstalledAt = wasInstalled ? existing.InstalledAt : now;
            existing.UpdatedAt = now;
            try
            {
                await table.UpdateEntityAsync(existing, existing.ETag, TableUpdateMode.Replace, cancellationToken);
                return !wasInstalled;
            }
            catch (RequestFailedException exception) when (exception.Status == 412)
            {
                // Someone changed the team meanwhile: read again and decide again.
            }
        }

        throw new InvalidOperationException($"The team row kept changing; gave up after {MaxAttempts} attempts.");
    }

    public async Task UpdateTeamAsync(string teamId, Func<Team, Team> change, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var response = await table.GetEntityIfExistsAsync<TeamEntity>(PartitionKeyFor(teamId), TeamRowKey, cancellationToken: cancellationToken);
            if (!response.HasValue)
            {
                return;
            }

            var existing = response.Value!;
            var changed = change(existing.ToTeam()) with { UpdatedAt = time.GetUtcNow() };
            var entity = TeamEntity.From(changed, existing.ETag);
            try
            {
                await table.UpdateEntityAsync(entity, existing.ETag, TableUpdateMode.Replace, cancellationToken);
                return;
            }
            catch (RequestFailedException exception) when (exception.Status == 412)
            {
                // Changed concurrently: apply the change to the newer row.
            }
        }

        throw new InvalidOperationException($"The team row kept changing; gave up after {MaxAttempts} attempts.");
    }

    public async Task UpsertChannelAsync(string teamId, string channelId, string? name, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var entity = new ChannelEntity
        {
            PartitionKey = PartitionKeyFor(teamId),
            RowKey = ChannelRowKeyFor(channelId),
            TeamId = teamId,
            ChannelId = channelId,
            Name = name,
            IsDeleted = false,
            UpdatedAt = time.GetUtcNow(),
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task MarkChannelDeletedAsync(string teamId, string channelId, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        // Merge keeps the last known name, so schedules pointing at the channel can still name it.
        var entity = new TableEntity(PartitionKeyFor(teamId), ChannelRowKeyFor(channelId))
        {
            [nameof(ChannelEntity.TeamId)] = teamId,
            [nameof(ChannelEntity.ChannelId)] = channelId,
            [nameof(ChannelEntity.IsDeleted)] = true,
            [nameof(ChannelEntity.UpdatedAt)] = time.GetUtcNow(),
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken);
    }

    public async Task<IReadOnlyList<TeamChannel>> ListChannelsAsync(string teamId, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var partition = PartitionKeyFor(teamId);
        // '}' sorts right after '|', so this range is exactly the channel rows.
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and RowKey gt {ChannelRowPrefix} and RowKey lt {"channel}"}");
        var channels = new List<TeamChannel>();
        await foreach (var entity in table.QueryAsync<ChannelEntity>(filter, cancellationToken: cancellationToken))
        {
            if (!entity.IsDeleted)
            {
                channels.Add(new TeamChannel(entity.TeamId, entity.ChannelId, entity.Name, entity.IsDeleted, entity.UpdatedAt));
            }
        }

        return channels;
    }

    private static string PartitionKeyFor(string teamId) => TableKey.Escape(teamId);

    private static string ChannelRowKeyFor(string channelId) => ChannelRowPrefix + TableKey.Escape(channelId);

    private sealed class TeamEntity : ITableEntity
    {
        public string PartitionKey { get; set; } = string.Empty;

        public string RowKey { get; set; } = string.Empty;

        public DateTimeOffset? Timestamp { get; set; }

        public ETag ETag { get; set; }

        public string TeamId { get; set; } = string.Empty;

        public string? Name { get; set; }

        public string? TenantId { get; set; }

        public string ServiceUrl { get; set; } = string.Empty;

        public string? AadGroupId { get; set; }

        public string State { get; set; } = nameof(TeamState.Installed);

        public bool IsArchived { get; set; }

        public DateTimeOffset InstalledAt { get; set; }

        public DateTimeOffset UpdatedAt { get; set; }

        public static TeamEntity From(Team team, ETag etag) => new()
        {
            PartitionKey = PartitionKeyFor(team.TeamId),
            RowKey = TeamRowKey,
            ETag = etag,
            TeamId = team.TeamId,
            Name = team.Name,
            TenantId = team.TenantId,
            ServiceUrl = team.ServiceUrl,
            AadGroupId = team.AadGroupId,
            State = team.State.ToString(),
            IsArchived = team.IsArchived,
            InstalledAt = team.InstalledAt,
            UpdatedAt = team.UpdatedAt,
        };

        public Team ToTeam() => new(
            TeamId,
            Name,
            TenantId,
            ServiceUrl,
            AadGroupId,
            Enum.TryParse<TeamState>(State, out var state) ? state : TeamState.Removed,
            IsArchived,
            InstalledAt,
            UpdatedAt);
    }

    private sealed class ChannelEntity : ITableEntity
    {
        public string PartitionKey { get; set; } = string.Empty;

        public string RowKey { get; set; } = string.Empty;

        public DateTimeOffset? Timestamp { get; set; }

        public ETag ETag { get; set; }

        public string TeamId { get; set; } = string.Empty;

        public string ChannelId { get; set; } = string.Empty;

        public string? Name { get; set; }

        public bool IsDeleted { get; set; }

        public DateTimeOffset UpdatedAt { get; set; }
    }
}
