namespace SofSBot.Storage;

/// <summary>
/// Once-only claims across restarts and instances: the first caller to claim a key does the work and
/// marks it done; every later claim of the key is refused. A claim holds for a lease: if its holder
/// never completes nor releases it (the instance died between claiming and finishing), another caller
/// may take it over once the lease has run out, so the work is retried instead of lost.
/// </summary>
internal interface IClaimStore
{
    /// <summary>
    /// Claims <paramref name="key"/> for <paramref name="lease"/>: <see cref="ClaimOutcome.Claimed"/> when
    /// there was no claim or a pending claim whose lease has run out (exactly one of racing callers wins);
    /// otherwise whether the work is done or someone else holds it.
    /// </summary>
    Task<ClaimOutcome> TryClaimAsync(string scope, string key, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Marks the work done: the claim is never taken again, however much time passes.</summary>
    Task CompleteAsync(string scope, string key, CancellationToken cancellationToken);

    /// <summary>Gives a claim back, so that the work can be tried again (after a failure).</summary>
    Task ReleaseAsync(string scope, string key, CancellationToken cancellationToken);

    /// <summary>Every claim in a scope (a partition scan): for "mina data", which must show and erase the claims that name a user.</summary>
    Task<IReadOnlyList<ClaimRecord>> ListAsync(string scope, CancellationToken cancellationToken);
}

/// <summary>What a <see cref="IClaimStore.TryClaimAsync"/> found.</summary>
internal enum ClaimOutcome
{
    /// <summary>This call holds the claim: do the work, then complete or release it.</summary>
    Claimed,

    /// <summary>Another caller holds the claim and its lease runs: the work may still fail and come back.</summary>
    Held,

    /// <summary>The work was done: never again.</summary>
    Done,
}
