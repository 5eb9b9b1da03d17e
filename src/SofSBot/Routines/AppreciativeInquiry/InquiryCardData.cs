using SofSBot.BotFramework.Invoke;
using SofSBot.Localization;
using SofSBot.Routing;

namespace SofSBot.Routines.AppreciativeInquiry;

/// <summary>What the appreciative-inquiry card's buttons carry: the card's meeting, found within the acting user's team.</summary>
internal sealed record InquiryCardData(string MeetingId) : ICardData<InquiryCardData>
{
    public const string MeetingIdField = "meetingId";

    public static InquiryCardData? Bind(AdaptiveCardAction action) =>
        action.GetDataString(MeetingIdField) is { Length: > 0 } meetingId ? new InquiryCardData(meetingId) : null;

    public static string InvalidMessage(Language language) => InquiryTexts.For(language).NotFound;
}
