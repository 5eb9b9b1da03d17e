namespace SofSBot.BotFramework.Connector;

/// <summary>One page of members; <see cref="ContinuationToken"/> is null on the last page.</summary>
public sealed record PagedMembersResult(IReadOnlyList<TeamsChannelAccount> Members, string? ContinuationToken);
