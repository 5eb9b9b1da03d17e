namespace SofSBot.BotFramework.Cards;

/// <summary>An input; its <see cref="CardElement.Id"/> names the field in the submitted data.</summary>
public abstract record InputElement : CardElement
{
    public string? Label { get; init; }

    public bool? IsRequired { get; init; }

    public string? ErrorMessage { get; init; }
}
