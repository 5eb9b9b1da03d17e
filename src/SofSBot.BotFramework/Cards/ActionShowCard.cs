namespace SofSBot.BotFramework.Cards;

/// <summary>Reveals a nested card (e.g. a small form) under the actions.</summary>
public sealed record ActionShowCard(AdaptiveCard Card) : CardAction;
