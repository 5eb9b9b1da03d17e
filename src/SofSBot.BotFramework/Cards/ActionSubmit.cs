namespace SofSBot.BotFramework.Cards;

/// <summary>Submits the card's inputs and <see cref="Data"/> as a message activity with a <c>value</c>.</summary>
public sealed record ActionSubmit : CardAction
{
    public IReadOnlyDictionary<string, object?>? Data { get; init; }

    public string? AssociatedInputs { get; init; }
}
