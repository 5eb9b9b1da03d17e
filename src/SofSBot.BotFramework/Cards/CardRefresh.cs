using System.Text.Json.Serialization;

namespace SofSBot.BotFramework.Cards;

/// <summary>
/// Automatic refresh: Teams invokes <see cref="Action"/> for each listed user who views the card
/// (at most 60 user ids), so each sees their own state.
/// </summary>
public sealed record CardRefresh([property: JsonIgnore] ActionExecute Action, IReadOnlyList<string>? UserIds)
{
    /// <summary>
    /// <see cref="Action"/> as written: through the base type, so that it carries
    /// <c>"type":"Action.Execute"</c> (without it Teams and the parser ignore the refresh).
    /// </summary>
    [JsonPropertyName("action")]
    [JsonPropertyOrder(-1)]
    public CardAction WrittenAction => Action;
}
