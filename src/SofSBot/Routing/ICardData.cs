using SofSBot.BotFramework.Invoke;
using SofSBot.Localization;

namespace SofSBot.Routing;

/// <summary>
/// A card verb's data as a typed record, bound and validated by the route table before the handler
/// runs: the handler only ever sees valid data; bad data is refused with <see cref="InvalidMessage"/>.
/// </summary>
internal interface ICardData<TSelf>
    where TSelf : class, ICardData<TSelf>
{
    /// <summary>The action's data as <typeparamref name="TSelf"/>, or null when it is missing or invalid.</summary>
    static abstract TSelf? Bind(AdaptiveCardAction action);

    /// <summary>What the user reads when the data is missing or invalid, in their language.</summary>
    static abstract string InvalidMessage(Language language);
}
