namespace SofSBot.BotFramework.Invoke;

/// <summary>The value of an error invoke response: a machine code and a message for the user.</summary>
public sealed record InvokeError(string Code, string Message);
