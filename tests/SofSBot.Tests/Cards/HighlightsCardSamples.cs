using System.Globalization;
using SofSBot.BotFramework.Cards;
using SofSBot.Localization;
using SofSBot.Privacy;
using SofSBot.Routines.Highlights;
using SofSBot.Scheduling;

namespace SofSBot.Tests.Cards;

/// <summary>The highlights card: empty, with a few highlights, a member's own view, a refusal; Swedish and English.</summary>
internal sealed class HighlightsCardSamples : ICardSamples
{
    private static readonly IsoWeek Week = new(2026, 48);
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public IEnumerable<CardSample> Samples()
    {
        var empty = Board([]);
        var three = Board(
        [
            new Highlight("29:1sara", "Sara Nilsson", "Nätverksmötet med mormor och grannen gav familjen en plan för helgerna.", Monday),
            new Highlight("29:1ahmed", "Ahmed Hassan", "Genogrammet fick pappan att berätta om sin bror, som nu vill vara med.", Monday.AddHours(2)),
            new Highlight("29:1erik", "Erik Holm", "Första säkerhetsplanen där barnet själv ritade sitt skyddsnät.", Monday.AddHours(5)),
        ]);
        var swedish = Meeting(Language.Swedish);
        var english = Meeting(Language.English);
        var sv = CultureInfo.GetCultureInfo("sv-SE");
        var en = CultureInfo.GetCultureInfo("en-GB");

        yield return new("highlights-empty-sv", "Highlights card as posted, before anyone has added one (Swedish)", HighlightsCard.Shared(empty, swedish));
        yield return new("highlights-three-members-sv", "Highlights card with three members' highlights and the count (Swedish)", HighlightsCard.Shared(three, swedish));
        yield return new("highlights-three-members-en", "Highlights card with three members' highlights (English schedule)", HighlightsCard.Shared(three, english));
        yield return new(
            "highlights-own-view-sv",
            "A member's own view after adding: their text to change or remove (Swedish)",
            HighlightsCard.Personal(three, swedish, new HighlightsViewer("29:1sara", Language.Swedish, sv, new HighlightsNotice(HighlightsTexts.Swedish.Added, IsError: false))));
        yield return new(
            "highlights-personal-number-refused-en",
            "A highlight with a personal identity number was refused: nothing stored, the input emptied (English client)",
            HighlightsCard.Personal(three, swedish, new HighlightsViewer("29:1karin", Language.English, en, new HighlightsNotice(PrivacyTexts.English.PersonalNumberRefused, IsError: true), InputValue: string.Empty)));
        yield return new(
            "highlights-too-long-sv",
            "A highlight over 500 characters is refused with its length (Swedish)",
            HighlightsCard.Personal(empty, swedish, new HighlightsViewer("29:1sara", Language.Swedish, sv, new HighlightsNotice(HighlightsTexts.Swedish.TooLong(512), IsError: true), InputValue: new string('x', 512))));
    }

    private static HighlightsBoard Board(IReadOnlyList<Highlight> highlights) =>
        new("19:team@thread.tacv2", Week, [], highlights, highlights.Count);

    private static HighlightsMeeting Meeting(Language language) =>
        new("s1.20261126", "19:channel@thread.tacv2", new DateOnly(2026, 11, 26), new TimeOnly(9, 0), language);
}
