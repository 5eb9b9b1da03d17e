using System.Globalization;
using SofSBot.Localization;
using SofSBot.Privacy;
using SofSBot.Routines.CaseSupervision;

namespace SofSBot.Tests.Cards;

/// <summary>The case-supervision card: free, half and fully booked, a member's own views, sv and en.</summary>
internal sealed class CaseSupervisionCardSamples : ICardSamples
{
    private static readonly DateTimeOffset BookedAt = new(2026, 3, 27, 9, 0, 0, TimeSpan.Zero);
    private static readonly TeamMember[] Roster =
    [
        new("29:1karin", "Karin Lindqvist"), new("29:1sara", "Sara Nilsson"), new("29:1ahmed", "Ahmed Hassan"),
        new("29:1johan", "Johan Berg"), new("29:1elin", "Elin Andersson"), new("29:1mikael", "Mikael Öberg"),
    ];

    public IEnumerable<CardSample> Samples()
    {
        var earlier = new SupervisionBooking("m0", 1, "29:1elin", "Elin Andersson", null, BookedAt.AddDays(-21));
        var sara = new SupervisionBooking("m1", 1, "29:1sara", "Sara Nilsson", "Hur får vi med nätverket i säkerhetsplaneringen?", BookedAt);
        var ahmed = new SupervisionBooking("m1", 2, "29:1ahmed", "Ahmed Hassan", null, BookedAt.AddHours(1));

        yield return Sample("case-supervision-free-sv", "Posted: two free slots, everyone still to present this spring", Language.Swedish, [earlier with { UserId = "29:1other" }]);
        yield return Sample("case-supervision-one-booked-sv", "Sara has booked slot 1 with a question; Elin presented earlier", Language.Swedish, [earlier, sara]);
        yield return Sample("case-supervision-full-en", "Both slots booked, in English", Language.English, [earlier, sara, ahmed]);
        yield return Sample(
            "case-supervision-own-view-sv", "Sara's own view after booking: her count against the target", Language.Swedish, [earlier, sara],
            new PersonalView("29:1sara", "Du har bokat plats 1. Tack!"));
        yield return Sample(
            "case-supervision-full-refused-en", "Karin is told the slots are full", Language.English, [earlier, sara, ahmed],
            new PersonalView("29:1karin", "Sorry, all 2 slots are already booked. Do book one next time!", NoticeIsProblem: true));
        yield return Sample(
            "case-supervision-number-refused-sv", "A question with a personal identity number refused; the box is emptied", Language.Swedish, [earlier],
            new PersonalView("29:1johan", PrivacyTexts.Swedish.PersonalNumberRefused, NoticeIsProblem: true, QuestionInput: string.Empty));
    }

    private static CardSample Sample(
        string name, string description, Language language, IReadOnlyList<SupervisionBooking> bookings, PersonalView? personal = null)
    {
        SupervisionMeeting[] meetings =
        [
            new("m0", new DateOnly(2026, 3, 9), new TimeOnly(8, 30), 2, language, "19:teammote"),
            new("m1", new DateOnly(2026, 3, 30), new TimeOnly(8, 30), 2, language, "19:teammote"),
        ];
        var board = new SupervisionHalfYear(new HalfYear(2026, 1), meetings, bookings, Version: 3);
        var culture = Languages.CultureFor(null, language);
        return new CardSample(name, description, CaseSupervisionCard.Render(board, meetings[1], Roster, 2, language, culture, personal));
    }
}
