namespace SofSBot.BotFramework.Cards;

/// <summary>
/// Automatic refresh: Teams invokes <see cref="Action"/> for each listed user who views the card
/// (at most 60 user ids), so each sees their own state.
/// </summary>
public sealed record CardRefresh
{
    public CardRefresh(ActionExecute action, IReadOnlyList<string>? userIds)
    {
        Action = action;
        UserIds = userIds;
    }

    /// <summary>
    /// An Action.Execute, typed as the base so that it is written with its <c>type</c>: as
    /// <see cref="ActionExecute"/> it would be written without one, and Teams would not invoke it.
    /// </summary>
    public CardAction Action { get; }

    public IReadOnlyList<string>? UserIds { get; }
}
