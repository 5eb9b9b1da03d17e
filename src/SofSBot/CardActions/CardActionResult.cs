using SofSBot.BotFramework.Cards;

namespace SofSBot.CardActions;

/// <summary>
/// What the acting user sees after a card action: a new card, a short message, or a refusal with a
/// reason. Exactly one of the three is set.
/// </summary>
internal sealed record CardActionResult(AdaptiveCard? Card, string? Message, string? ErrorCode)
{
    public static CardActionResult ShowCard(AdaptiveCard card) => new(card, null, null);

    public static CardActionResult ShowMessage(string message) => new(null, message, null);

    public static CardActionResult Refuse(string code, string message) => new(null, message, code);
}
