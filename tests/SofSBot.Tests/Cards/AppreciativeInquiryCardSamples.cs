using SofSBot.Localization;
using SofSBot.Privacy;
using SofSBot.Routines.AppreciativeInquiry;
using SofSBot.Routines.Highlights;

namespace SofSBot.Tests.Cards;

/// <summary>The appreciative-inquiry card: as posted, with a volunteer, with a note, personal views and a refusal.</summary>
internal sealed class AppreciativeInquiryCardSamples : ICardSamples
{
    private const string TeamId = "19:utredningsteam1-allmant@thread.tacv2";
    private const string Sara = "29:1sara-nilsson";
    private const string Ahmed = "29:1ahmed-hassan";

    private static readonly DateOnly Monday = new(2026, 11, 30);
    private static readonly DateTimeOffset Morning = new(2026, 11, 30, 7, 40, 0, TimeSpan.Zero);

    private static readonly Highlight SarasHighlight =
        new(Sara, "Sara Nilsson", "Familjen bjöd själv in mormor och grannen till nätverksmötet.", Morning.AddDays(-3));

    public IEnumerable<CardSample> Samples()
    {
        var posted = Board(Language.Swedish, Interviewee.ProposedFor(SarasHighlight), []);
        var english = Board(Language.English, null, []);
        var withNote = Board(
            Language.Swedish,
            new Interviewee(Sara, "Sara Nilsson", null),
            [
                new LearningNote(1, "Fråga barnet först.", Sara, "Sara Nilsson", Morning.AddMinutes(20)),
                new LearningNote(2, "Fråga barnet först – då lyssnar föräldrarna. Berätta om det på APT.", Ahmed, "Ahmed Hassan", Morning.AddMinutes(25)),
            ]);

        yield return new("inquiry-proposed-highlight-sv", "Posted with a proposed highlight and the week's six questions (Swedish)",
            InquiryCards.Shared(posted, [SarasHighlight]));
        yield return new("inquiry-asks-for-volunteer-en", "Posted in English in a week without highlights: asks for a volunteer",
            InquiryCards.Shared(english, []));
        yield return new("inquiry-volunteer-and-note-sv", "Sara volunteered; Ahmed's note is version 2 (shared view)",
            InquiryCards.Shared(withNote, [SarasHighlight]));
        yield return new("inquiry-personal-replaced-note-sv", "Sara's own view: she tells the story, and her replaced note version",
            InquiryCards.Personal(withNote, [SarasHighlight], Language.Swedish, Sara, CardNotice.Done(InquiryTexts.Swedish.VolunteerSaved)));
        yield return new("inquiry-personal-number-refused-en", "Ahmed's own view after a note with a personal identity number: refused, input emptied",
            InquiryCards.Personal(withNote, [SarasHighlight], Language.English, Ahmed, CardNotice.Refused(PrivacyTexts.English.PersonalNumberRefused), noteDraft: string.Empty));
    }

    private static InquiryBoard Board(Language language, Interviewee? interviewee, IReadOnlyList<LearningNote> notes) => new(
        TeamId,
        "demo.20261130",
        Monday,
        new TimeOnly(8, 30),
        language,
        [.. QuestionRotation.For(TeamId, Monday).Select(question => question.Id)],
        interviewee,
        ProposalRound: 0,
        notes,
        Version: notes.Count + 1);
}
