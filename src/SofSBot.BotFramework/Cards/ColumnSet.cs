namespace SofSBot.BotFramework.Cards;

public sealed record ColumnSet(IReadOnlyList<Column> Columns) : CardElement;
