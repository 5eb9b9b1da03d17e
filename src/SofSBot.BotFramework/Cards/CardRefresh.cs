namespace SofSBot.BotFramework.Cards;

/// <summary>
/// Automatic refresh: Teams invokes <see cref="Action"/> for each listed user who views the card
/// (at most 60 user ids), so each sees their own state.
/// </summary>
public sealed record CardRefresh(ActionExecute Action, IReadOnlyList<string>? UserIds);
