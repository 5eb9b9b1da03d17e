namespace SofSBot.TestSupport;

/// <summary>A channel of the team; its id is the channel's conversation id.</summary>
public sealed record PlaygroundChannel(string Id, string? Name, string? ChannelType);
