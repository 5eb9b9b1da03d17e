namespace SofSBot.BotFramework.Cards;

public sealed record InputChoiceSet(IReadOnlyList<Choice> Choices) : InputElement
{
    /// <summary><c>compact</c> (a drop-down), <c>expanded</c> (radio buttons) or <c>filtered</c>.</summary>
    public string? Style { get; init; }

    public bool? IsMultiSelect { get; init; }

    /// <summary>The selected value(s), comma-separated when multi-select.</summary>
    public string? Value { get; init; }

    public string? Placeholder { get; init; }

    public bool? Wrap { get; init; }
}
