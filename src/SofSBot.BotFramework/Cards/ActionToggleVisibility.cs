namespace SofSBot.BotFramework.Cards;

public sealed record ActionToggleVisibility(IReadOnlyList<string> TargetElements) : CardAction;
