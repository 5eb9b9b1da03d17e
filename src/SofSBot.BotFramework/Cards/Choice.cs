namespace SofSBot.BotFramework.Cards;

public sealed record Choice(string Title, string Value);
