namespace SofSBot.Commands;

/// <summary>A command found in a message, the word it was called by, and the rest of the text as its arguments.</summary>
internal sealed record CommandMatch(IBotCommand Command, string Word, string Arguments);
