namespace SofSBot.BotFramework.Cards;

public sealed record InputToggle(string Title) : InputElement
{
    public string? Value { get; init; }

    public string? ValueOn { get; init; }

    public string? ValueOff { get; init; }

    public bool? Wrap { get; init; }
}
