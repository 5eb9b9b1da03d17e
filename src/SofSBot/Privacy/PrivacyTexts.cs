using SofSBot.Localization;

namespace SofSBot.Privacy;

/// <summary>What a user reads when free text was refused because it could identify a client.</summary>
internal sealed record PrivacyTexts(string PersonalNumberRefused)
{
    public static PrivacyTexts Swedish { get; } = new(
        "Texten ser ut att innehålla ett personnummer eller samordningsnummer. Skriv utan uppgifter som kan identifiera en klient – inget har sparats.");

    public static PrivacyTexts English { get; } = new(
        "The text seems to contain a Swedish personal identity number or coordination number. Please write it without anything that could identify a client – nothing was saved.");

    public static PrivacyTexts For(Language language) => language == Language.English ? English : Swedish;
}
