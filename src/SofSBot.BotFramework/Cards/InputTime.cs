namespace SofSBot.BotFramework.Cards;

/// <summary>A time input; values are <c>HH:mm</c>.</summary>
public sealed record InputTime : InputElement
{
    public string? Value { get; init; }
}
