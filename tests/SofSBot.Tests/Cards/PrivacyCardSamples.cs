using System.Globalization;
using SofSBot.Localization;
using SofSBot.Privacy;

namespace SofSBot.Tests.Cards;

/// <summary>"Mina data": what is stored about a member, the confirmation and the answer after erasing.</summary>
internal sealed class PrivacyCardSamples : ICardSamples
{
    public IEnumerable<CardSample> Samples()
    {
        PersonalDataItem[] items =
        [
            new(new("Skattningar av teamets mål", "Ratings of the team's goals"), new("2025 vår – Förhållningssätt: 7 (tidigare 6)", "2025 spring – Approach: 7 (earlier 6)"), new DateTimeOffset(2025, 3, 11, 8, 0, 0, TimeSpan.Zero)),
            new(new("Skattningar av teamets mål", "Ratings of the team's goals"), new("2025 vår – 4F: 5", "2025 spring – 4F: 5"), null),
        ];
        yield return new("privacy-my-data-sv", "My data: what is stored about the member", PersonalDataCards.Overview(items, Language.Swedish, CultureInfo.GetCultureInfo("sv-SE")));
        yield return new("privacy-my-data-empty-en", "My data when nothing is stored", PersonalDataCards.Overview([], Language.English, CultureInfo.GetCultureInfo("en-GB")));
        yield return new("privacy-confirm-erase-sv", "The confirmation before erasing", PersonalDataCards.Confirm(Language.Swedish));
        yield return new("privacy-erased-en", "After erasing", PersonalDataCards.Erased(4, Language.English, CultureInfo.GetCultureInfo("en-GB")));
    }
}
