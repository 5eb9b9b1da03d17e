using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using SofSBot.BotFramework.Connector;

namespace SofSBot.Routines.CaseSupervision;

/// <summary>
/// The team's members as Teams lists them (<c>pagedmembers</c> of the team), kept per team for
/// <see cref="CaseSupervisionOptions.RosterCacheDuration"/>: every change to a card renders the
/// team's standing, and the roster rarely changes within minutes. A failed read is logged and
/// answers null (the card then leaves the standing out); it is not cached, so the next render asks again.
/// </summary>
internal sealed partial class TeamRoster(
    IConnectorClient connector,
    IOptions<CaseSupervisionOptions> options,
    TimeProvider time,
    ILogger<TeamRoster> logger)
{
    private const int PageSize = 200;

    // Enough for any team; a larger roster is read to here and no further.
    private const int MaxPages = 10;

    private readonly ConcurrentDictionary<string, CachedRoster> _rosters = new(StringComparer.OrdinalIgnoreCase);

    public async Task<IReadOnlyList<TeamMember>?> GetAsync(Uri serviceUrl, string teamId, CancellationToken cancellationToken)
    {
        if (_rosters.TryGetValue(teamId, out var cached) && time.GetUtcNow() < cached.ExpiresAt)
        {
            return cached.Members;
        }

        List<TeamMember> members = [];
        try
        {
            string? continuationToken = null;
            var pages = 0;
            do
            {
                var page = await connector.GetPagedMembersAsync(serviceUrl, teamId, PageSize, continuationToken, cancellationToken);
                members.AddRange(page.Members
                    .Where(member => member.Id is { Length: > 0 } id && !id.StartsWith("28:", StringComparison.Ordinal)) // 28: are bots
                    .Select(member => new TeamMember(member.Id!, string.IsNullOrWhiteSpace(member.Name) ? member.Id! : member.Name)));
                continuationToken = page.ContinuationToken;
            }
            while (continuationToken is not null && ++pages < MaxPages);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogRosterUnreadable(exception, teamId);
            return null;
        }

        var roster = members.DistinctBy(member => member.UserId, StringComparer.OrdinalIgnoreCase).ToList();
        var duration = options.Value.RosterCacheDuration;
        if (duration > TimeSpan.Zero)
        {
            _rosters[teamId] = new CachedRoster(roster, time.GetUtcNow() + duration);
        }

        return roster;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the roster of team {TeamId}; the case-supervision card shows no standing this time")]
    private partial void LogRosterUnreadable(Exception exception, string teamId);

    private sealed record CachedRoster(IReadOnlyList<TeamMember> Members, DateTimeOffset ExpiresAt);
}
