using System.Text.Json.Nodes;

namespace SofSBot.Tests.Cards;

/// <summary>
/// Cards with one deliberate fault each, parsed together with the samples: the check must report
/// every one of them, or it proves nothing about the samples.
/// </summary>
internal static class BrokenCards
{
    /// <summary>Name → (card, a phrase the report must contain).</summary>
    public static IReadOnlyDictionary<string, (JsonObject Card, string Expected)> All { get; } =
        new Dictionary<string, (JsonObject, string)>(StringComparer.Ordinal)
        {
            ["broken-unknown-element-type"] = (
                Card(new JsonObject { ["type"] = "Chart.Pie", ["title"] = "Skattningar" }),
                "Unknown element type \"Chart.Pie\""),
            ["broken-image-without-url"] = (
                Card(new JsonObject { ["type"] = "Image", ["altText"] = "Logga" }),
                "$.body[0].url: required"),
            ["broken-input-without-id"] = (
                Card(new JsonObject { ["type"] = "Input.Text", ["label"] = "Höjdpunkt" }),
                "All inputs must have a unique Id"),
            ["broken-two-inputs-with-one-id"] = (
                Card(
                    new JsonObject { ["type"] = "Input.Text", ["id"] = "text", ["label"] = "A" },
                    new JsonObject { ["type"] = "Input.Text", ["id"] = "text", ["label"] = "B" }),
                "DuplicateId"),
            ["broken-required-input-without-label"] = (
                Card(new JsonObject { ["type"] = "Input.Text", ["id"] = "text", ["isRequired"] = true, ["errorMessage"] = "Skriv något" }),
                "Required inputs should have a label"),
            ["broken-version-1.6-property-in-a-1.5-card"] = (
                CardWithAction(new JsonObject { ["type"] = "Action.Submit", ["title"] = "Spara", ["role"] = "Button" }),
                "Property \"role\" is supported in version 1.6"),
            ["broken-misspelt-property"] = (
                Card(new JsonObject { ["type"] = "TextBlock", ["text"] = "Hej", ["wieght"] = "Bolder" }),
                "$.body[0].wieght: dropped"),
            ["broken-invalid-enum-value"] = (
                Card(new JsonObject { ["type"] = "TextBlock", ["text"] = "Hej", ["weight"] = "Heavy" }),
                "Invalid value \"Heavy\" for property \"weight\""),
            ["broken-fault-inside-an-action-fallback"] = (
                CardWithAction(new JsonObject
                {
                    ["type"] = "Action.Execute", ["title"] = "Spara", ["verb"] = "save",
                    ["fallback"] = new JsonObject { ["type"] = "Action.Submit", ["title"] = "Spara", ["role"] = "Button" },
                }),
                "$.actions[0].fallback: (fallback).role: dropped"),
            ["broken-language-that-is-not-a-code"] = (
                new JsonObject
                {
                    ["type"] = "AdaptiveCard", ["version"] = "1.5", ["lang"] = "svenska",
                    ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = "Hej" }),
                },
                "Invalid value \"svenska\" for property \"lang\""),
            ["broken-undocumented-msteams-value"] = (
                new JsonObject
                {
                    ["type"] = "AdaptiveCard", ["version"] = "1.5", ["msteams"] = new JsonObject { ["width"] = "Half" },
                    ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = "Hej" }),
                },
                "$.msteams: a Teams property with a value Teams does not document"),
        };

    private static JsonObject Card(params JsonObject[] body) =>
        new() { ["type"] = "AdaptiveCard", ["version"] = "1.5", ["body"] = new JsonArray(body) };

    private static JsonObject CardWithAction(JsonObject action) =>
        new()
        {
            ["type"] = "AdaptiveCard", ["version"] = "1.5",
            ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = "Hej" }),
            ["actions"] = new JsonArray(action),
        };
}
