namespace SofSBot.BotFramework.Connector;

/// <summary>The connector's answer to a send, reply or update: the id of the message.</summary>
public sealed record ResourceResponse(string? Id);
