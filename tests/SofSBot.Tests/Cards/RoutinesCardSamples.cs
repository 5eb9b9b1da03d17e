using SofSBot.Routines;

namespace SofSBot.Tests.Cards;

/// <summary>
/// The placeholder routine card: posted for the rating round until it gets its own card (issue 5),
/// and for any routine whose card is not registered.
/// </summary>
internal sealed class RoutinesCardSamples : ICardSamples
{
    public IEnumerable<CardSample> Samples() =>
        LanguageSamples.InEveryLanguage(
            "routine-rating-round",
            "The rating round's placeholder card posted for a meeting",
            language => RoutineCard.Create(RoutineKind.RatingRound, language, new DateOnly(2025, 3, 31), new TimeOnly(8, 30)));
}
