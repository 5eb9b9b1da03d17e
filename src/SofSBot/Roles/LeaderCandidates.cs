using SofSBot.BotFramework.Cards;
using SofSBot.BotFramework.Connector;
using SofSBot.Commands;

namespace SofSBot.Roles;

/// <summary>
/// Finds the person a leader command names: an @mention of someone other than the bot, or an Entra
/// object id written out. A mention carries the Teams user id (<c>29:…</c>); when it lacks the Entra
/// object id, the team's roster maps one to the other.
/// </summary>
internal static class LeaderCandidates
{
    private const int RosterPageSize = 200;

    /// <summary>The person, or null when the command names nobody (or more than one).</summary>
    /// <summary>
    /// The person a leader command names, in the team the command came from, with their Entra object
    /// id; null after telling the coordinator what is missing (no team, nobody named, not in the team).
    /// </summary>
    public static async Task<(string TeamId, string ObjectId, LeaderCandidate Candidate)?> ResolveAsync(
        CommandContext context, LeaderTexts texts, CancellationToken cancellationToken)
    {
        if (context.TeamId is not { Length: > 0 } teamId)
        {
            await context.Turn.ReplyTextAsync(texts.OnlyInTeamChannel, cancellationToken);
            return null;
        }

        var candidate = await FindAsync(context, teamId, cancellationToken);
        if (candidate is null)
        {
            await context.Turn.ReplyTextAsync(texts.WhoUsage, cancellationToken);
            return null;
        }

        if (candidate.AadObjectId is not { } objectId)
        {
            await context.Turn.ReplyTextAsync(string.Format(context.Culture, texts.NotInTeam, Markdown.Escape(candidate.DisplayName)), cancellationToken);
            return null;
        }

        return (teamId, objectId, candidate);
    }

    public static async Task<LeaderCandidate?> FindAsync(CommandContext context, string teamId, CancellationToken cancellationToken)
    {
        var activity = context.Turn.Activity;
        var mentioned = activity.Mentions
            .Select(mention => mention.Mentioned)
            .Where(account => account?.Id is { Length: > 0 } id && !string.Equals(id, activity.Recipient?.Id, StringComparison.OrdinalIgnoreCase))
            .DistinctBy(account => account!.Id, StringComparer.OrdinalIgnoreCase)
            .ToList();

        if (mentioned.Count > 1)
        {
            return null;
        }

        if (mentioned.Count == 1)
        {
            var account = mentioned[0]!;
            if (account.AadObjectId is { Length: > 0 } objectId)
            {
                return new LeaderCandidate(objectId.ToLowerInvariant(), account.Name);
            }

            var member = await FindInRosterAsync(context, teamId, account.Id!, cancellationToken);
            return new LeaderCandidate(member?.AadObjectId?.ToLowerInvariant(), member?.Name ?? account.Name);
        }

        return Guid.TryParse(context.Arguments, out var id) ? new LeaderCandidate(id.ToString("D"), null) : null;
    }

    private static async Task<TeamsChannelAccount?> FindInRosterAsync(CommandContext context, string teamId, string userId, CancellationToken cancellationToken)
    {
        string? continuationToken = null;
        do
        {
            var page = await context.Turn.Connector.GetPagedMembersAsync(context.Turn.ServiceUrl, teamId, RosterPageSize, continuationToken, cancellationToken);
            var member = page.Members.FirstOrDefault(m => string.Equals(m.Id, userId, StringComparison.OrdinalIgnoreCase));
            if (member is not null)
            {
                return member;
            }

            continuationToken = page.ContinuationToken;
        }
        while (continuationToken is not null);

        return null;
    }
}
