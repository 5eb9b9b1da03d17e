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

    /// <summary>Every team in which the person is a named leader (a scan: "mina data" only).</summary>
    Task<IReadOnlyList<NamedLeader>> ListForPersonAsync(string aadObjectId, CancellationToken cancellationToken);

    /// <summary>Every naming, in all teams, whose <see cref="NamedLeader.NamedBy"/> is one of <paramref name="namerIds"/> (a scan).</summary>
    Task<IReadOnlyList<NamedLeader>> ListNamedByAsync(IReadOnlyCollection<string> namerIds, CancellationToken cancellationToken);

    /// <summary>Blanks who named the leader; the naming stays. False when it no longer names one of <paramref name="namerIds"/>.</summary>
    Task<bool> ForgetNamerAsync(string teamId, string aadObjectId, IReadOnlyCollection<string> namerIds, CancellationToken cancellationToken);
}
