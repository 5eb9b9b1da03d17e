using System.Text.Json;
using System.Text.Json.Nodes;
using SofSBot.BotFramework.Cards;

namespace SofSBot.Tests.Cards;

/// <summary>
/// One node process parses every sample and every broken card; the tests read its results. When
/// <c>SOFSBOT_CARD_SAMPLES_DIR</c> is set, the samples are also written there for
/// scripts/card-screenshots.sh (one JSON file per sample plus samples.json with the descriptions).
/// </summary>
public sealed class ReferenceParserRun : IAsyncLifetime
{
    public const string SamplesDirectoryVariable = "SOFSBOT_CARD_SAMPLES_DIR";

    /// <summary>A card with every Teams feature the routine cards rely on; it must pass the check.</summary>
    public const string TeamsFeaturesCardName = "control-teams-features";

    private IReadOnlyDictionary<string, ParsedCard>? _results;

    internal ParsedCard this[string name] =>
        (_results ?? throw new InvalidOperationException("Not parsed yet.")).TryGetValue(name, out var result)
            ? result
            : throw new InvalidOperationException($"The reference parser returned nothing for '{name}'.");

    public async Task InitializeAsync()
    {
        var cards = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var sample in CardSampleCatalog.Samples)
        {
            // Duplicate names are reported by their own test; parse the first of them here.
            cards.TryAdd(sample.Name, CardSampleCatalog.WireJson(sample));
        }

        cards.Add(TeamsFeaturesCardName, CardSampleCatalog.WireJson(new CardSample(TeamsFeaturesCardName, "control", TeamsFeaturesCard())));
        foreach (var (name, broken) in BrokenCards.All)
        {
            cards.Add(name, broken.Card);
        }

        await ExportSamplesIfAskedAsync(cards);
        _results = await ReferenceCardParser.ParseAsync(cards, CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>
    /// Universal Actions with a refresh for listed users (schema 1.4), an Action.Execute with an
    /// Action.Submit fallback for older clients, msteams full width, a required input with label and
    /// error message.
    /// </summary>
    private static AdaptiveCard TeamsFeaturesCard()
    {
        var data = new Dictionary<string, object?> { ["meetingId"] = "s1.20250331" };
        return new AdaptiveCard
        {
            Body =
            [
                TextBlock.Heading("Veckans höjdpunkter"),
                new InputText { Id = "text", Label = "Din höjdpunkt", IsMultiline = true, MaxLength = 500, IsRequired = true, ErrorMessage = "Skriv något" },
                new ActionSet([ActionExecute.WithSubmitFallback("Spara", "highlights.save", data) with { Style = "positive" }]),
            ],
            Actions = [ActionExecute.WithSubmitFallback("Visa alla", "highlights.show", data) with { AssociatedInputs = "none" }],
            Refresh = new CardRefresh(ActionExecute.WithSubmitFallback("Uppdatera", "highlights.refresh", data), ["29:sara", "29:ahmed"]),
            Lang = "sv",
            FallbackText = "Veckans höjdpunkter",
        };
    }

    private static async Task ExportSamplesIfAskedAsync(Dictionary<string, JsonObject> cards)
    {
        if (Environment.GetEnvironmentVariable(SamplesDirectoryVariable) is not { Length: > 0 } directory)
        {
            return;
        }

        Directory.CreateDirectory(directory);
        var index = new JsonArray();
        foreach (var sample in CardSampleCatalog.Samples)
        {
            await File.WriteAllTextAsync(Path.Combine(directory, sample.Name + ".json"), cards[sample.Name].ToJsonString(Indented));
            index.Add(new JsonObject { ["name"] = sample.Name, ["description"] = sample.Description });
        }

        await File.WriteAllTextAsync(Path.Combine(directory, "samples.json"), index.ToJsonString(Indented));
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
