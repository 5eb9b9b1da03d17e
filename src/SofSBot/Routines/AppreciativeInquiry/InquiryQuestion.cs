using SofSBot.Localization;

namespace SofSBot.Routines.AppreciativeInquiry;

/// <summary>One question of the bank; <see cref="Id"/> is stored with the meeting, so it never changes.</summary>
internal sealed record InquiryQuestion(string Id, InquiryStage Stage, string Swedish, string English)
{
    public string TextIn(Language language) => language == Language.English ? English : Swedish;
}
