namespace SofSBot.Storage;

/// <summary>
/// Once-only claims across restarts and instances: the first caller to claim a key wins, every later
/// claim of the same key fails. Used wherever a retry must not post twice.
/// </summary>
internal interface IClaimStore
{
    /// <summary>True if this call made the claim; false if the key was already claimed.</summary>
    Task<bool> TryClaimAsync(string scope, string key, CancellationToken cancellationToken);

    /// <summary>Gives a claim back, so that the work can be tried again (after a failure).</summary>
    Task ReleaseAsync(string scope, string key, CancellationToken cancellationToken);

    /// <summary>Every claim in a scope (a partition scan): for "mina data", which must show and erase the claims that name a user.</summary>
    Task<IReadOnlyList<ClaimRecord>> ListAsync(string scope, CancellationToken cancellationToken);
}
