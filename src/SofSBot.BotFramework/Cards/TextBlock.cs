namespace SofSBot.BotFramework.Cards;

/// <summary>Text; wraps by default because our texts are sentences, not labels.</summary>
public sealed record TextBlock(string Text) : CardElement
{
    public bool? Wrap { get; init; } = true;

    public TextSize? Size { get; init; }

    public TextWeight? Weight { get; init; }

    public TextColor? Color { get; init; }

    public bool? IsSubtle { get; init; }

    public int? MaxLines { get; init; }

    /// <summary><c>heading</c> marks the text as a heading for screen readers (schema 1.5).</summary>
    public string? Style { get; init; }

    public static TextBlock Heading(string text) =>
        new(text) { Size = TextSize.Large, Weight = TextWeight.Bolder, Style = "heading" };

    public static TextBlock Subtle(string text) => new(text) { IsSubtle = true, Size = TextSize.Small };
}
