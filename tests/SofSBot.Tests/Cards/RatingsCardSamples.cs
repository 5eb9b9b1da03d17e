using System.Globalization;
using SofSBot.Localization;
using SofSBot.Privacy;
using SofSBot.Ratings;

namespace SofSBot.Tests.Cards;

/// <summary>The rating round's cards, in the states members and leaders see.</summary>
internal sealed class RatingsCardSamples : ICardSamples
{
    public IEnumerable<CardSample> Samples()
    {
        var round = Round(Language.Swedish);
        var english = Round(Language.English);
        Dictionary<string, int> answers = new() { ["forhallningssatt"] = 8, ["roda-traden"] = 6, ["overall-self"] = 7 };
        IReadOnlyList<GoalResult> results =
        [
            .. GoalCatalogue.Seed.Take(5).Select((goal, i) => RatingAggregation.Aggregate(goal.GoalId, [6 + (i % 3), 8, 9, 7], 6, 3)),
            .. GoalCatalogue.Seed.Skip(5).Select(goal => RatingAggregation.Aggregate(goal.GoalId, [5, 9], 6, 3)),
        ];
        var periods = new[] { RatingPeriod.DefaultFor(new DateOnly(2025, 3, 10)), RatingPeriod.DefaultFor(new DateOnly(2025, 9, 1)) };

        yield return new("ratings-round-empty-sv", "Rating round just posted: nobody has answered yet", RatingCards.Shared(round, 0));
        yield return new("ratings-round-counter-en", "Rating round in English, 4 of 6 answered", RatingCards.Shared(english, 4));
        yield return new("ratings-personal-unanswered-sv", "A member's own view before answering", RatingCards.Personal(round, 2, new Dictionary<string, int>(), Language.Swedish, isLeader: false));
        yield return new("ratings-personal-saved-sv", "A leader's own view after saving, with the close button",
            RatingCards.Personal(round, 3, answers, Language.Swedish, isLeader: true, notice: "Sparat. Du kan ändra dina svar till och med måndag 24 mars 2025."));
        yield return new("ratings-personal-error-en", "A member's own view with an error shown",
            RatingCards.Personal(english, 3, answers, Language.English, isLeader: false, error: RatingTexts.English.RoundClosed));
        yield return new("ratings-results-sv", "Results: five goals shown, three withheld (too few answers)", RatingCards.Results(round with { IsClosed = true }, results, 4, 6, 3, Language.Swedish));
        yield return new("ratings-results-preliminary-en", "Results asked for while the round is open: the count only", RatingCards.Results(english, results, 4, null, 3, Language.English));
        yield return new("ratings-open-form-sv", "The leader's form to open a round", RatingCards.OpenForm(periods, "2025-1", new DateOnly(2025, 3, 24), Language.Swedish));
        yield return new("ratings-open-form-error-en", "The leader's form with an error", RatingCards.OpenForm(periods, "2025-1", new DateOnly(2025, 3, 24), Language.English, RatingTexts.English.DeadlineInvalid));

    }

    private static RatingRound Round(Language language) => new(
        "19:team@thread.tacv2",
        "r0123456789abcdef01234567",
        "2025-1",
        "2025 vår",
        RatingCards.DeadlineAfter(new DateOnly(2025, 3, 24)),
        IsClosed: false,
        language,
        "19:teammote@thread.tacv2",
        "29:1karin",
        new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.Zero),
        null,
        GoalCatalogue.Seed,
        6,
        ["29:1karin", "29:1sara", "29:1ahmed", "29:1johan", "29:1elin", "29:1mikael"],
        "19:teammote@thread.tacv2;messageid=1",
        "1",
        RemindersSent: false);
}
