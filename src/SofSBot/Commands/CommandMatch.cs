namespace SofSBot.Commands;

/// <summary>A command found in a message, with the rest of the text as its arguments.</summary>
internal sealed record CommandMatch(IBotCommand Command, string Arguments);
