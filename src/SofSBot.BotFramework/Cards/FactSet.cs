namespace SofSBot.BotFramework.Cards;

public sealed record FactSet(IReadOnlyList<Fact> Facts) : CardElement;
