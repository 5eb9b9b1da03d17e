namespace SofSBot.BotFramework.Activities;

/// <summary>A team as Teams names it in channel data.</summary>
public sealed record TeamInfo(string? Id, string? Name, string? AadGroupId);
