using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using SofSBot.Roles;
using SofSBot.Storage;
using SofSBot.TestSupport;

namespace SofSBot.Tests.Roles;

[Collection(AzuriteCollection.Name)]
public sealed class TableNamedLeaderStoreTests(AzuriteFixture azurite) : IDisposable
{
    private const string TeamId = "19:f3e2d1c0b9a84f7e6d5c4b3a2f1e0d9c@thread.tacv2";
    private const string OtherTeamId = "19:0a0b0c0d@thread.tacv2";
    private const string Sara = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
    private const string Erik = "7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b";
    private const string Maria = "0c0c0c0c-1111-4222-8333-444455556666";

    private static readonly DateTimeOffset NamedAt = new(2026, 3, 9, 8, 0, 0, TimeSpan.Zero);

    private readonly string _prefix = "n" + Guid.NewGuid().ToString("N")[..12];
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));

    private CancellationToken Ct => _timeout.Token;

    [Fact]
    public async Task A_named_leader_is_stored_listed_and_found()
    {
        var store = Store();

        Assert.True(await store.AddAsync(new NamedLeader(TeamId, Sara, "Sara Nilsson", Maria, NamedAt), Ct));

        Assert.True(await store.IsNamedLeaderAsync(TeamId, Sara, Ct));
        Assert.False(await store.IsNamedLeaderAsync(TeamId, Erik, Ct));
        var leader = Assert.Single(await store.ListAsync(TeamId, Ct));
        Assert.Equal(new NamedLeader(TeamId, Sara, "Sara Nilsson", Maria, NamedAt), leader);
    }

    [Fact]
    public async Task Naming_the_same_person_twice_keeps_one_row()
    {
        var store = Store();
        await store.AddAsync(new NamedLeader(TeamId, Sara, "Sara Nilsson", Maria, NamedAt), Ct);

        Assert.False(await store.AddAsync(new NamedLeader(TeamId, Sara.ToUpperInvariant(), "Sara", Maria, NamedAt.AddDays(1)), Ct));

        Assert.Equal("Sara Nilsson", Assert.Single(await store.ListAsync(TeamId, Ct)).Name);
    }

    [Fact]
    public async Task Object_ids_are_compared_without_case()
    {
        var store = Store();
        await store.AddAsync(new NamedLeader(TeamId, Erik.ToUpperInvariant(), null, Maria, NamedAt), Ct);

        Assert.True(await store.IsNamedLeaderAsync(TeamId, Erik, Ct));
        Assert.Equal(Erik, Assert.Single(await store.ListAsync(TeamId, Ct)).AadObjectId);
    }

    [Fact]
    public async Task Leaders_belong_to_their_own_team_only_and_are_listed_by_name()
    {
        var store = Store();
        await store.AddAsync(new NamedLeader(TeamId, Sara, "Sara Nilsson", Maria, NamedAt), Ct);
        await store.AddAsync(new NamedLeader(TeamId, Erik, "Erik Holm", Maria, NamedAt), Ct);
        await store.AddAsync(new NamedLeader(OtherTeamId, Sara, "Sara Nilsson", Maria, NamedAt), Ct);

        Assert.Equal(["Erik Holm", "Sara Nilsson"], (await store.ListAsync(TeamId, Ct)).Select(l => l.Name));
        Assert.False(await store.IsNamedLeaderAsync(OtherTeamId, Erik, Ct));
        Assert.Empty(await store.ListAsync("19:unknown@thread.tacv2", Ct));
    }

    [Fact]
    public async Task A_removed_leader_no_longer_leads_and_removing_again_says_so()
    {
        var store = Store();
        await store.AddAsync(new NamedLeader(TeamId, Sara, "Sara Nilsson", Maria, NamedAt), Ct);

        Assert.True(await store.RemoveAsync(TeamId, Sara, Ct));
        Assert.False(await store.RemoveAsync(TeamId, Sara, Ct));

        Assert.False(await store.IsNamedLeaderAsync(TeamId, Sara, Ct));
        Assert.Empty(await store.ListAsync(TeamId, Ct));
    }

    [Fact]
    public async Task Rows_are_keyed_by_team_and_object_id()
    {
        await Store().AddAsync(new NamedLeader(TeamId, Sara, "Sara Nilsson", Maria, NamedAt), Ct);

        var rows = new List<TableEntity>();
        await foreach (var row in azurite.TableServiceClient.GetTableClient(_prefix + TableNamedLeaderStore.TableName).QueryAsync<TableEntity>(cancellationToken: Ct))
        {
            rows.Add(row);
        }

        var only = Assert.Single(rows);
        Assert.Equal(TeamId, only.PartitionKey);
        Assert.Equal(Sara, only.RowKey);
    }

    public void Dispose() => _timeout.Dispose();

    private TableNamedLeaderStore Store() => new(new TableProvider(
        new TableServiceClient(azurite.ConnectionString),
        Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = _prefix })));
}
