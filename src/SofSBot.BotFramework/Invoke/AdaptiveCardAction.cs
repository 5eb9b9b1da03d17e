using System.Text.Json;
using SofSBot.BotFramework.Activities;

namespace SofSBot.BotFramework.Invoke;

/// <summary>
/// The action of an <c>adaptiveCard/action</c> invoke (<c>value.action</c>), or of an Action.Submit
/// message (<c>value</c> with a <c>verb</c> field, as our fallbacks send it).
/// </summary>
public sealed record AdaptiveCardAction(string? Type, string? Id, string? Verb, JsonElement Data)
{
    public const string InvokeName = "adaptiveCard/action";

    /// <summary>Reads the action of an invoke or Action.Submit activity; null if it carries none.</summary>
    public static AdaptiveCardAction? From(Activity activity)
    {
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value)
        {
            return null;
        }

        if (activity.Type == ActivityTypes.Invoke)
        {
            if (!string.Equals(activity.Name, InvokeName, StringComparison.Ordinal)
                || !value.TryGetProperty("action", out var action)
                || action.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            return new AdaptiveCardAction(
                String(action, "type"),
                String(action, "id"),
                String(action, "verb"),
                action.TryGetProperty("data", out var data) ? data.Clone() : default);
        }

        // An Action.Submit fallback: the data object itself, with the verb inside it.
        return new AdaptiveCardAction("Action.Submit", null, String(value, "verb"), value.Clone());
    }

    /// <summary>A string field of <see cref="Data"/>, or null.</summary>
    public string? GetDataString(string name) =>
        Data.ValueKind == JsonValueKind.Object ? String(Data, name) : null;

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
