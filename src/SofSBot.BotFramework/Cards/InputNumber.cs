namespace SofSBot.BotFramework.Cards;

public sealed record InputNumber : InputElement
{
    public double? Min { get; init; }

    public double? Max { get; init; }

    public double? Value { get; init; }

    public string? Placeholder { get; init; }
}
