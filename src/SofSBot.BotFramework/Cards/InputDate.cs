namespace SofSBot.BotFramework.Cards;

/// <summary>A date input; values are ISO dates (<c>2026-03-02</c>).</summary>
public sealed record InputDate : InputElement
{
    public string? Value { get; init; }

    public string? Min { get; init; }

    public string? Max { get; init; }
}
