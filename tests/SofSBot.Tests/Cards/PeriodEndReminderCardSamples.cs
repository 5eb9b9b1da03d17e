using System.Globalization;
using SofSBot.Export;
using SofSBot.Ratings;

namespace SofSBot.Tests.Cards;

/// <summary>The coordinators' card the day after a rating period ends, from a typical unit to a large municipality.</summary>
internal sealed class PeriodEndReminderCardSamples : ICardSamples
{
    private static readonly RatingPeriod Autumn2026 = new("2026-2", "2026 höst", new(2026, 7, 1), new(2026, 12, 31));

    public IEnumerable<CardSample> Samples() =>
    [
        .. LanguageSamples.InEveryLanguage("period-end-typical", "The period-end card: response rates per team and the teams without answers", language =>
            PeriodEndReminderCards.Create(Typical(), language)),
        .. LanguageSamples.InEveryLanguage("period-end-all-answered", "The period-end card when every team answered, one roster unknown", language =>
            PeriodEndReminderCards.Create(AllAnswered(), language)),
        .. LanguageSamples.InEveryLanguage("period-end-many-teams", "The period-end card of 120 teams: 40 shown of each list", language =>
            PeriodEndReminderCards.Create(Many(), language)),
        .. LanguageSamples.InEveryLanguage("period-end-no-teams", "The period-end card when no team had a round", language =>
            PeriodEndReminderCards.Create(new PeriodResponses(Autumn2026, [], []), language)),
    ];

    private static PeriodResponses Typical()
    {
        TeamResponse[] answered =
        [
            Response("Mottagningsteamet", 7, 8),
            Response("Utredningsteam 1", 9, 9),
            Response("Utredningsteam 2", 4, 7),
            Response("Familjehemsteamet", 5, 6),
        ];
        return new PeriodResponses(Autumn2026, answered, [Team("Bokvillan"), Team("Familjerätten")])
        {
            RosterSize = 30 + 6 + 5,
            RespondentsWithRoster = 25,
            Rate = 25.0 / 41,
        };
    }

    private static PeriodResponses AllAnswered() =>
        new(Autumn2026, [Response("Prisma", 6, 6), new TeamResponse(Autumn2026, Team("Ungdomsservice"), 3, null)], [])
        {
            RosterSize = 6,
            RespondentsWithRoster = 6,
            Rate = 1.0,
        };

    private static PeriodResponses Many()
    {
        var answered = Enumerable.Range(1, 90).Select(i => Response(Name(i), 5 + (i % 4), 9)).ToList();
        var without = Enumerable.Range(91, 30).Select(i => Team(Name(i))).ToList();
        var roster = (answered.Count + without.Count) * 9;
        var respondents = answered.Sum(team => team.Respondents);
        return new PeriodResponses(Autumn2026, answered, without) { RosterSize = roster, RespondentsWithRoster = respondents, Rate = (double)respondents / roster };
    }

    private static string Name(int i) => "Utredningsteam " + i.ToString(CultureInfo.InvariantCulture);

    private static TeamResponse Response(string name, int respondents, int roster) => new(Autumn2026, Team(name), respondents, roster);

    private static ExportTeam Team(string name) => new("19:" + name.Replace(' ', '-') + "@thread.tacv2", name, IsInstalled: true);
}
