using SofSBot.Export;
using SofSBot.Ratings;

namespace SofSBot.Tests.Cards;

/// <summary>The export card in a coordinator's personal chat: the choice, a refused choice, and started.</summary>
internal sealed class ExportCardSamples : ICardSamples
{
    private static readonly RatingPeriod[] Periods =
    [
        new("2024-2", "2024 höst", new(2024, 7, 1), new(2024, 12, 31)),
        new("2025-1", "2025 vår", new(2025, 1, 1), new(2025, 6, 30)),
        new("2025-2", "2025 höst", new(2025, 7, 1), new(2025, 12, 31)),
    ];

    public IEnumerable<CardSample> Samples() =>
    [
        .. LanguageSamples.InEveryLanguage("export-form", "The card `export` shows a coordinator: periods and format", language => ExportCards.Form(Periods, language)),
        .. LanguageSamples.InEveryLanguage("export-form-no-period", "The export card when no period was chosen", language =>
            ExportCards.Form(Periods, language, ExportBotTexts.For(language).PeriodsRequired)),
        .. LanguageSamples.InEveryLanguage("export-started", "The export card once the export has started", language => ExportCards.Started("2025 vår, 2025 höst", language)),
    ];
}
