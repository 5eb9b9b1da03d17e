namespace SofSBot.BotFramework.Connector;

/// <summary>A team's details from <c>GET v3/teams/{teamId}</c>.</summary>
public sealed record TeamDetails(string? Id, string? Name, string? AadGroupId, int? ChannelCount, int? MemberCount);
