namespace SofSBot.BotFramework.Activities;

/// <summary>A channel as Teams names it in channel data. The General channel's id equals the team id.</summary>
public sealed record ChannelInfo(string? Id, string? Name);
