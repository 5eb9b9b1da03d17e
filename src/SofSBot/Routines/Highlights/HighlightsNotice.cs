namespace SofSBot.Routines.Highlights;

/// <summary>A line shown to the acting user above the input: a confirmation, or why nothing was stored.</summary>
internal sealed record HighlightsNotice(string Text, bool IsError);
