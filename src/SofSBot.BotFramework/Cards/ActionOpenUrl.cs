namespace SofSBot.BotFramework.Cards;

public sealed record ActionOpenUrl(string Url) : CardAction;
