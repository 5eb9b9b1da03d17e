namespace SofSBot.Routines.AppreciativeInquiry;

/// <summary>
/// The stages of an appreciative interview, in the order they are asked: from the story, through
/// what the practitioner did and why, to what the team takes with it.
/// </summary>
internal enum InquiryStage
{
    TheStory,
    WhatYouDid,
    HowYouKnew,
    TheFamilysView,
    WhatItSaysAboutYou,
    WhatWeTakeWithUs,
}
