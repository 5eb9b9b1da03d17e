using System.Text.Json.Nodes;

namespace SofSBot.EndToEndTests.Infrastructure;

/// <summary>Reading the cards the bot sent, as JSON, the way a Teams client sees them.</summary>
internal static class CardJson
{
    /// <summary>The first TextBlock of a card: its heading.</summary>
    public static string? Heading(JsonObject? card) =>
        card?["body"]?.AsArray().OfType<JsonObject>()
            .FirstOrDefault(element => element["type"]?.GetValue<string>() == "TextBlock")?["text"]?.GetValue<string>();

    /// <summary>The whole card as text, unescaped, for "contains" checks.</summary>
    public static string Text(JsonObject card) => card.ToJsonString(SofSBot.BotFramework.BotJson.Options);

    /// <summary>Every element of a card, depth first.</summary>
    public static IEnumerable<JsonObject> Elements(JsonNode? node) => node switch
    {
        JsonObject element => [element, .. element.Select(property => property.Value).SelectMany(Elements)],
        JsonArray array => array.SelectMany(Elements),
        _ => [],
    };

    public static JsonObject Input(JsonObject card, string id) =>
        Elements(card["body"]).Single(e => e["id"]?.GetValue<string>() == id && e["type"]?.GetValue<string>()?.StartsWith("Input.", StringComparison.Ordinal) == true);

    /// <summary>The card's <c>Action.Execute</c> buttons with the verb, wherever they sit.</summary>
    public static IEnumerable<JsonObject> ExecuteActions(JsonObject card, string verb) =>
        Elements(card).Where(e => e["type"]?.GetValue<string>() == "Action.Execute" && e["verb"]?.GetValue<string>() == verb);

    /// <summary>
    /// What Teams sends when the button is pressed without changing anything: every input's value,
    /// as a string, merged into the action's own data.
    /// </summary>
    public static JsonObject FilledIn(JsonObject card, JsonObject action)
    {
        var data = action["data"]?.DeepClone() as JsonObject ?? [];
        foreach (var input in Elements(card["body"]).Where(e => e["type"]?.GetValue<string>()?.StartsWith("Input.", StringComparison.Ordinal) == true))
        {
            var value = input["value"];
            data[input["id"]!.GetValue<string>()] = value is JsonValue v && v.TryGetValue<string>(out var text)
                ? text
                : value?.ToJsonString() ?? string.Empty;
        }

        return data;
    }
}
