namespace SofSBot.Localization;

/// <summary>The short description of the routines, shared by the welcome and help cards.</summary>
internal sealed record SofsIntroTexts(
    string Routines,
    string Highlights,
    string AppreciativeInquiry,
    string CaseSupervision,
    string Ratings,
    string NoClientData)
{
    public static SofsIntroTexts Swedish { get; } = new(
        Routines: "Jag håller Signs of Safety levande i teamets vardag, vecka för vecka:",
        Highlights: "**Veckans highlights**: alla delar något från veckan som gick bra.",
        AppreciativeInquiry: "**Uppskattande intervju**: teamet frågar ut ägaren av en highlight och lär sig av det goda exemplet.",
        CaseSupervision: "**Ärendehandledning i grupp**: boka en plats och ta med ett ärende och en frågeställning till teammötet.",
        Ratings: "**Skattningar 0–10**: i mars och september skattar alla var teamet står i förhållande till sina mål.",
        NoClientData: "Skriv aldrig personnummer eller annat som kan identifiera en klient här.");

    public static SofsIntroTexts English { get; } = new(
        Routines: "I keep Signs of Safety alive in the team's everyday work, week by week:",
        Highlights: "**Highlights of the week**: everyone shares one thing from the week that went well.",
        AppreciativeInquiry: "**Appreciative inquiry**: the team interviews the owner of a highlight and learns from the good example.",
        CaseSupervision: "**Group case supervision**: book a slot and bring a case and a question to the team meeting.",
        Ratings: "**Ratings 0–10**: in March and September everyone rates where the team stands on its goals.",
        NoClientData: "Never write personal identity numbers or anything else that could identify a client here.");

    public static SofsIntroTexts For(Language language) => language == Language.English ? English : Swedish;

    public IEnumerable<string> RoutineLines => [Highlights, AppreciativeInquiry, CaseSupervision, Ratings];
}
