namespace SofSBot.BotFramework.Cards;

/// <summary>
/// A Universal Action: Teams sends an <c>adaptiveCard/action</c> invoke with <see cref="Verb"/> and
/// <see cref="Data"/> (plus the card's inputs) and shows the card the bot returns.
/// </summary>
public sealed record ActionExecute(string Verb) : CardAction
{
    public IReadOnlyDictionary<string, object?>? Data { get; init; }

    /// <summary><c>auto</c> (the default: the inputs of the card) or <c>none</c>.</summary>
    public string? AssociatedInputs { get; init; }

    public CardAction? Fallback { get; init; }

    /// <summary>
    /// An Action.Execute whose fallback, for clients without Universal Actions, is an Action.Submit
    /// carrying the same data and the verb, so the bot can treat both alike.
    /// </summary>
    public static ActionExecute WithSubmitFallback(string title, string verb, IReadOnlyDictionary<string, object?>? data = null)
    {
        var submitData = new Dictionary<string, object?>(data ?? new Dictionary<string, object?>(), StringComparer.Ordinal)
        {
            ["verb"] = verb,
        };
        return new ActionExecute(verb)
        {
            Title = title,
            Data = data,
            Fallback = new ActionSubmit { Title = title, Data = submitData },
        };
    }
}
