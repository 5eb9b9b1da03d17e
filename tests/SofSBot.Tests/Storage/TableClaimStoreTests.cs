using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SofSBot.Storage;
using SofSBot.TestSupport;

namespace SofSBot.Tests.Storage;

/// <summary>
/// Claims against Azurite, each store standing for one instance of the bot sharing the tables: work is
/// done once, and work an instance claimed and never finished (it died) is taken over after the lease.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableClaimStoreTests(AzuriteFixture azurite) : IDisposable
{
    private const string Scope = "rating-reminder";
    private const string Key = "19:team@thread.tacv2|s1.20261130|29:1ahmed";

    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
    private readonly string _prefix = "c" + Guid.NewGuid().ToString("N")[..12];
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));

    private CancellationToken Ct => _timeout.Token;

    [Fact]
    public async Task A_claim_is_refused_to_every_other_caller_while_its_lease_runs()
    {
        var first = Instance();
        var second = Instance();

        Assert.Equal(ClaimOutcome.Claimed, await first.TryClaimAsync(Scope, Key, Lease, Ct));
        Assert.Equal(ClaimOutcome.Held, await second.TryClaimAsync(Scope, Key, Lease, Ct));
        Assert.Equal(ClaimOutcome.Held, await first.TryClaimAsync(Scope, Key, Lease, Ct));

        _time.Advance(Lease - TimeSpan.FromSeconds(1));
        Assert.Equal(ClaimOutcome.Held, await second.TryClaimAsync(Scope, Key, Lease, Ct));
    }

    [Fact]
    public async Task Work_an_instance_claimed_and_never_finished_is_taken_over_after_the_lease_and_done_once()
    {
        var died = Instance();
        var survivors = new[] { Instance(), Instance() };
        var reminders = 0;

        Assert.Equal(ClaimOutcome.Claimed, await died.TryClaimAsync(Scope, Key, Lease, Ct));

        // Every survivor's pass while the lease runs leaves the reminder alone…
        foreach (var survivor in survivors)
        {
            reminders += await RemindOnceAsync(survivor);
        }

        Assert.Equal(0, reminders);

        // …and once it has run out, the reminder goes out, once, however many passes follow.
        _time.Advance(Lease + TimeSpan.FromSeconds(1));
        for (var pass = 0; pass < 3; pass++)
        {
            foreach (var survivor in survivors)
            {
                reminders += await RemindOnceAsync(survivor);
            }

            _time.Advance(Lease * 2);
        }

        Assert.Equal(1, reminders);
        Assert.Equal(TableClaimStore.Done, (await RowAsync(Key)).GetString(TableClaimStore.StateColumn));
    }

    [Fact]
    public async Task A_completed_claim_is_never_taken_again_however_much_time_passes()
    {
        var store = Instance();
        Assert.Equal(ClaimOutcome.Claimed, await store.TryClaimAsync(Scope, Key, Lease, Ct));
        await store.CompleteAsync(Scope, Key, Ct);

        foreach (var later in new[] { TimeSpan.Zero, Lease + TimeSpan.FromSeconds(1), TimeSpan.FromDays(3650) })
        {
            _time.Advance(later);
            Assert.Equal(ClaimOutcome.Done, await Instance().TryClaimAsync(Scope, Key, Lease, Ct));
        }
    }

    [Fact]
    public async Task Of_two_instances_racing_to_take_over_an_expired_claim_exactly_one_wins()
    {
        const int Pairs = 20;
        var keys = Enumerable.Range(0, Pairs).Select(i => $"19:team@thread.tacv2|s1.20261130|29:1member{i}").ToList();
        var died = Instance();
        foreach (var key in keys)
        {
            Assert.Equal(ClaimOutcome.Claimed, await died.TryClaimAsync(Scope, key, Lease, Ct));
        }

        _time.Advance(Lease + TimeSpan.FromSeconds(1));
        var (left, right) = (Instance(), Instance());
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var races = keys.Select(key => (
            Left: TakeOverAsync(left, key, start.Task),
            Right: TakeOverAsync(right, key, start.Task)))
            .ToList();
        start.SetResult();
        await Task.WhenAll(races.SelectMany(race => new[] { race.Left, race.Right }));

        foreach (var race in races)
        {
            Assert.Equal(
                [ClaimOutcome.Claimed, ClaimOutcome.Held],
                new[] { await race.Left, await race.Right }.Order().ToArray());
        }
    }

    [Fact]
    public async Task A_row_written_before_claims_had_a_state_counts_as_done_and_is_still_listed()
    {
        var claimedAt = new DateTimeOffset(2025, 3, 23, 9, 0, 0, TimeSpan.Zero);
        var table = await TableAsync();
        await table.AddEntityAsync(new TableEntity(TableKey.Escape(Scope), TableKey.Escape(Key)) { ["ClaimedAt"] = claimedAt }, Ct);

        _time.Advance(TimeSpan.FromDays(400));
        Assert.Equal(ClaimOutcome.Done, await Instance().TryClaimAsync(Scope, Key, Lease, Ct));

        var listed = Assert.Single(await Instance().ListAsync(Scope, Ct));
        Assert.Equal(new ClaimRecord(Key, claimedAt), listed);
    }

    [Fact]
    public async Task A_released_claim_can_be_claimed_again_at_once()
    {
        var store = Instance();
        Assert.Equal(ClaimOutcome.Claimed, await store.TryClaimAsync(Scope, Key, Lease, Ct));
        await store.ReleaseAsync(Scope, Key, Ct);

        Assert.Equal(ClaimOutcome.Claimed, await Instance().TryClaimAsync(Scope, Key, Lease, Ct));
    }

    [Fact]
    public async Task Pending_and_done_claims_are_listed_with_their_key_and_when_they_were_claimed()
    {
        var store = Instance();
        var claimedAt = _time.GetUtcNow();
        await store.TryClaimAsync(Scope, Key, Lease, Ct);
        await store.CompleteAsync(Scope, Key, Ct);
        _time.Advance(TimeSpan.FromMinutes(1));
        await store.TryClaimAsync(Scope, "team|round|29:1sara/x", Lease, Ct);

        var listed = (await store.ListAsync(Scope, Ct)).OrderBy(claim => claim.ClaimedAt).ToList();

        Assert.Equal([new ClaimRecord(Key, claimedAt), new ClaimRecord("team|round|29:1sara/x", claimedAt + TimeSpan.FromMinutes(1))], listed);
        Assert.Empty(await store.ListAsync("welcome", Ct));
    }

    [Fact]
    public async Task Completing_a_claim_erased_meanwhile_does_not_bring_its_record_back()
    {
        var store = Instance();
        await store.TryClaimAsync(Scope, Key, Lease, Ct);
        await store.ReleaseAsync(Scope, Key, Ct);

        await store.CompleteAsync(Scope, Key, Ct);

        Assert.Empty(await store.ListAsync(Scope, Ct));
    }

    public void Dispose() => _timeout.Dispose();

    /// <summary>What every caller does: claim, send, complete (the send here is counting one reminder).</summary>
    private async Task<int> RemindOnceAsync(TableClaimStore store)
    {
        if (await store.TryClaimAsync(Scope, Key, Lease, Ct) != ClaimOutcome.Claimed)
        {
            return 0;
        }

        await store.CompleteAsync(Scope, Key, Ct);
        return 1;
    }

    private async Task<ClaimOutcome> TakeOverAsync(TableClaimStore store, string key, Task start)
    {
        await start;
        return await store.TryClaimAsync(Scope, key, Lease, Ct);
    }

    /// <summary>A store of its own, as another instance of the bot has, on the same tables and clock.</summary>
    private TableClaimStore Instance() => new(
        new TableProvider(
            new TableServiceClient(azurite.ConnectionString),
            Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = _prefix })),
        _time);

    private async Task<TableClient> TableAsync()
    {
        var table = azurite.TableServiceClient.GetTableClient(_prefix + TableClaimStore.TableName);
        await table.CreateIfNotExistsAsync(Ct);
        return table;
    }

    private async Task<TableEntity> RowAsync(string key) =>
        (await (await TableAsync()).GetEntityAsync<TableEntity>(TableKey.Escape(Scope), TableKey.Escape(key), cancellationToken: Ct)).Value;
}
