namespace SofSBot.BotFramework.Cards;

public sealed record Fact(string Title, string Value);
