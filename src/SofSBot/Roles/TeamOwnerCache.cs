using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace SofSBot.Roles;

/// <summary>
/// Who owns a team, read through <see cref="ITeamOwnerDirectory"/> and trusted for
/// <see cref="RolesOptions.OwnerCacheDuration"/> per team, on <see cref="TimeProvider"/>. A failed
/// read is logged and answers "unknown" (null) this once; it is never cached, so the next call asks
/// again. The cache is per instance: a changed owner shows within the duration everywhere.
/// </summary>
internal sealed partial class TeamOwnerCache(
    ITeamOwnerDirectory directory,
    IOptionsMonitor<RolesOptions> options,
    TimeProvider time,
    ILogger<TeamOwnerCache> logger)
{
    private readonly ConcurrentDictionary<string, CachedOwners> _owners = new(StringComparer.OrdinalIgnoreCase);

    /// <returns>Whether the user owns the team; null when the owners could not be read.</returns>
    public async Task<bool?> IsOwnerAsync(string aadGroupId, string aadObjectId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_owners.TryGetValue(aadGroupId, out var cached) && now < cached.ExpiresAt)
        {
            return cached.Owners.Contains(aadObjectId);
        }

        IReadOnlySet<string> owners;
        try
        {
            owners = await directory.GetOwnersAsync(aadGroupId, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogOwnersUnreadable(exception, aadGroupId);
            return null;
        }

        var duration = options.CurrentValue.OwnerCacheDuration;
        if (duration > TimeSpan.Zero)
        {
            _owners[aadGroupId] = new CachedOwners(owners, time.GetUtcNow() + duration);
        }

        return owners.Contains(aadObjectId);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the owners of team group {AadGroupId} from Microsoft Graph; the caller's leadership is unknown this time")]
    private partial void LogOwnersUnreadable(Exception exception, string aadGroupId);

    private sealed record CachedOwners(IReadOnlySet<string> Owners, DateTimeOffset ExpiresAt);
}
