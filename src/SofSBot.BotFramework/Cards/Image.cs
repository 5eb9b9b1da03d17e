namespace SofSBot.BotFramework.Cards;

public sealed record Image(string Url) : CardElement
{
    public string? AltText { get; init; }

    public string? Size { get; init; }
}
