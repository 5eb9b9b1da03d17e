using System.Text.Json.Nodes;

namespace SofSBot.Tests.Cards;

/// <summary>
/// Runs validate-cards.mjs: the npm <c>adaptivecards</c> reference library parses every given card
/// in one node process and reports what it found wrong.
/// </summary>
internal static class ReferenceCardParser
{
    public static async Task<IReadOnlyDictionary<string, ParsedCard>> ParseAsync(
        IReadOnlyDictionary<string, JsonObject> cardsByName, CancellationToken cancellationToken)
    {
        var results = await CardScript.RunAsync<ParsedCard>(
            "validate-cards.mjs", "adaptivecards", cardsByName.Select(pair => KeyValuePair.Create(pair.Key, (JsonNode)pair.Value)), cancellationToken);
        return results.ToDictionary(result => result.Name, StringComparer.Ordinal);
    }
}

/// <summary>What the reference library made of one card.</summary>
/// <param name="Problems">Its parse and validation events, console warnings, and what it dropped.</param>
/// <param name="SentElements">Elements and actions in the card we sent.</param>
/// <param name="ParsedElements">Elements and actions in the library's own serialization of what it parsed.</param>
internal sealed record ParsedCard(
    string Name,
    IReadOnlyList<string> Problems,
    string? DeclaredVersion,
    string? ParsedVersion,
    int SentElements,
    int ParsedElements);
