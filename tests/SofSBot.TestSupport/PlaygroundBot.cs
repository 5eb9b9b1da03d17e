namespace SofSBot.TestSupport;

/// <summary>The bot's account in the Playground (<c>recipient</c> of every activity).</summary>
public sealed record PlaygroundBot(string Id, string Name);
