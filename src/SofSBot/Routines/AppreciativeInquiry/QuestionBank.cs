namespace SofSBot.Routines.AppreciativeInquiry;

/// <summary>
/// The appreciative interview's questions, a few per stage. Stages have different sizes (4, 5, 4,
/// 4, 3, 4) so that the rotation's combined sequence repeats only after 60 weeks.
/// </summary>
internal static class QuestionBank
{
    public static IReadOnlyList<InquiryQuestion> All { get; } =
    [
        new("story-1", InquiryStage.TheStory,
            "Berätta vad som hände – vad var det som gick bra?",
            "Tell us what happened – what was it that went well?"),
        new("story-2", InquiryStage.TheStory,
            "Hur började det, och vad hände sedan?",
            "How did it start, and what happened next?"),
        new("story-3", InquiryStage.TheStory,
            "Vad var det första tecknet på att det här gick åt rätt håll?",
            "What was the first sign that this was heading in the right direction?"),
        new("story-4", InquiryStage.TheStory,
            "Om vi hade varit en fluga på väggen, vad hade vi sett?",
            "If we had been a fly on the wall, what would we have seen?"),

        new("did-1", InquiryStage.WhatYouDid,
            "Vad gjorde du som du är mest nöjd med?",
            "What did you do that you are most pleased with?"),
        new("did-2", InquiryStage.WhatYouDid,
            "Vad gjorde du annorlunda den här gången jämfört med hur du brukar arbeta?",
            "What did you do differently this time compared with how you usually work?"),
        new("did-3", InquiryStage.WhatYouDid,
            "Vilken fråga eller vilket steg tror du gjorde störst skillnad?",
            "Which question or step do you think made the biggest difference?"),
        new("did-4", InquiryStage.WhatYouDid,
            "Vilka delar av Signs of Safety använde du, och hur?",
            "Which parts of Signs of Safety did you use, and how?"),
        new("did-5", InquiryStage.WhatYouDid,
            "Vad gjorde du för att familjen skulle känna sig delaktig?",
            "What did you do to help the family feel part of it?"),

        new("knew-1", InquiryStage.HowYouKnew,
            "Hur visste du att det var rätt sak att göra just då?",
            "How did you know it was the right thing to do just then?"),
        new("knew-2", InquiryStage.HowYouKnew,
            "Vad såg eller hörde du som fick dig att välja det?",
            "What did you see or hear that made you choose that?"),
        new("knew-3", InquiryStage.HowYouKnew,
            "Vilken erfarenhet eller kunskap byggde du på?",
            "What experience or knowledge did you draw on?"),
        new("knew-4", InquiryStage.HowYouKnew,
            "Vad fick dig att hålla i när det var svårt?",
            "What kept you going when it was difficult?"),

        new("family-1", InquiryStage.TheFamilysView,
            "Vad skulle barnet säga gjorde skillnad?",
            "What would the child say made a difference?"),
        new("family-2", InquiryStage.TheFamilysView,
            "Vad skulle föräldrarna säga att du gjorde som hjälpte?",
            "What would the parents say you did that helped?"),
        new("family-3", InquiryStage.TheFamilysView,
            "Om vi frågade familjens nätverk, vad skulle de säga har förändrats?",
            "If we asked the family's network, what would they say has changed?"),
        new("family-4", InquiryStage.TheFamilysView,
            "Vad tror du att familjen kommer att minnas av mötet med dig?",
            "What do you think the family will remember about meeting you?"),

        new("you-1", InquiryStage.WhatItSaysAboutYou,
            "Vad säger det här om dig i din yrkesroll?",
            "What does this say about you as a practitioner?"),
        new("you-2", InquiryStage.WhatItSaysAboutYou,
            "Vilka av dina styrkor syntes här?",
            "Which of your strengths showed here?"),
        new("you-3", InquiryStage.WhatItSaysAboutYou,
            "Vad skulle en kollega som känner dig väl säga att det här visar?",
            "What would a colleague who knows you well say this shows?"),

        new("take-1", InquiryStage.WhatWeTakeWithUs,
            "Vad vill du ta med dig härifrån, och vem mer borde få höra om det?",
            "What do you want to take with you from this, and who else should hear about it?"),
        new("take-2", InquiryStage.WhatWeTakeWithUs,
            "Vad kan vi som team göra mer av efter det här?",
            "What can we as a team do more of after this?"),
        new("take-3", InquiryStage.WhatWeTakeWithUs,
            "Vad skulle du säga till en ny kollega som möter något liknande?",
            "What would you tell a new colleague who meets something similar?"),
        new("take-4", InquiryStage.WhatWeTakeWithUs,
            "Vilket litet steg tar du med dig till nästa vecka?",
            "What small step will you take into next week?"),
    ];

    private static readonly Dictionary<string, InquiryQuestion> ById = All.ToDictionary(question => question.Id, StringComparer.Ordinal);

    /// <summary>The bank's questions of one stage, in bank order.</summary>
    public static IReadOnlyList<InquiryQuestion> Of(InquiryStage stage) => [.. All.Where(question => question.Stage == stage)];

    /// <summary>A stored question id; null for an id this version no longer has.</summary>
    public static InquiryQuestion? Find(string id) => ById.GetValueOrDefault(id);
}
