namespace SofSBot.Routines.Highlights;

/// <summary>The rules for a highlight's text: short, not empty, and nothing that identifies a client (<see cref="Privacy.FreeText"/>).</summary>
internal static class HighlightText
{
    public const int MaxLength = 500;
}
