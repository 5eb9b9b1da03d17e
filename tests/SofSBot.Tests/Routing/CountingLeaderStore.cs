using SofSBot.Roles;

namespace SofSBot.Tests.Routing;

/// <summary>The real leaders table, counting every read and write that reaches it.</summary>
internal sealed class CountingLeaderStore(INamedLeaderStore inner) : INamedLeaderStore
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public void Reset() => Interlocked.Exchange(ref _calls, 0);

    public Task<bool> IsNamedLeaderAsync(string teamId, string aadObjectId, CancellationToken cancellationToken) =>
        Count(() => inner.IsNamedLeaderAsync(teamId, aadObjectId, cancellationToken));

    public Task<IReadOnlyList<NamedLeader>> ListAsync(string teamId, CancellationToken cancellationToken) =>
        Count(() => inner.ListAsync(teamId, cancellationToken));

    public Task<bool> AddAsync(NamedLeader leader, CancellationToken cancellationToken) =>
        Count(() => inner.AddAsync(leader, cancellationToken));

    public Task<bool> RemoveAsync(string teamId, string aadObjectId, CancellationToken cancellationToken) =>
        Count(() => inner.RemoveAsync(teamId, aadObjectId, cancellationToken));

    public Task<IReadOnlyList<NamedLeader>> ListForPersonAsync(string aadObjectId, CancellationToken cancellationToken) =>
        Count(() => inner.ListForPersonAsync(aadObjectId, cancellationToken));

    public Task<IReadOnlyList<NamedLeader>> ListNamedByAsync(IReadOnlyCollection<string> namerIds, CancellationToken cancellationToken) =>
        Count(() => inner.ListNamedByAsync(namerIds, cancellationToken));

    public Task<bool> ForgetNamerAsync(string teamId, string aadObjectId, IReadOnlyCollection<string> namerIds, CancellationToken cancellationToken) =>
        Count(() => inner.ForgetNamerAsync(teamId, aadObjectId, namerIds, cancellationToken));

    private Task<T> Count<T>(Func<Task<T>> call)
    {
        Interlocked.Increment(ref _calls);
        return call();
    }
}
