namespace SofSBot.BotFramework.Cards;

public sealed record ActionSet(IReadOnlyList<CardAction> Actions) : CardElement;
