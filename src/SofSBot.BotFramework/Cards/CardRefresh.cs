using System.Text.Json.Serialization;

namespace SofSBot.BotFramework.Cards;

/// <summary>
/// Automatic refresh: Teams invokes <see cref="Action"/> for each listed user who views the card
/// (at most 60 user ids), so each sees their own state.
/// </summary>
public sealed record CardRefresh([property: JsonIgnore] ActionExecute Action, IReadOnlyList<string>? UserIds)
{
    /// <summary>
    /// <see cref="Action"/> as written on the wire. System.Text.Json writes the <c>type</c>
    /// discriminator only for a property declared as the polymorphic base, and without
    /// <c>"type": "Action.Execute"</c> the refresh is no action at all.
    /// </summary>
    [JsonPropertyName("action")]
    [JsonPropertyOrder(-1)]
    public CardAction WireAction => Action;
}
