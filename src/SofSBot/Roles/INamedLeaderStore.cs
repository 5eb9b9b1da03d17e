namespace SofSBot.Roles;

/// <summary>The team leaders coordinators have named, per team.</summary>
internal interface INamedLeaderStore
{
    Task<bool> IsNamedLeaderAsync(string teamId, string aadObjectId, CancellationToken cancellationToken);

    /// <summary>The team's named leaders, by name.</summary>
    Task<IReadOnlyList<NamedLeader>> ListAsync(string teamId, CancellationToken cancellationToken);

    /// <summary>Names a leader; false (and nothing changed) when they already were one.</summary>
    Task<bool> AddAsync(NamedLeader leader, CancellationToken cancellationToken);

    /// <summary>Removes a named leader; false when they were not one.</summary>
    Task<bool> RemoveAsync(string teamId, string aadObjectId, CancellationToken cancellationToken);
}
