namespace SofSBot.BotFramework.Connector;

/// <summary>The body of <c>GET v3/conversations/{id}/pagedmembers</c>, before empty pages are normalised.</summary>
internal sealed record PagedMembersResponse(IReadOnlyList<TeamsChannelAccount>? Members, string? ContinuationToken);
