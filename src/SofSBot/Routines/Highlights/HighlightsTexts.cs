using System.Globalization;
using SofSBot.Localization;

namespace SofSBot.Routines.Highlights;

/// <summary>The words of the highlights card and its answers.</summary>
internal sealed record HighlightsTexts(
    string TitleFormat,
    string Prompt,
    string NoneYet,
    string CountOne,
    string CountMany,
    string Placeholder,
    string Add,
    string YourHighlight,
    string SaveChange,
    string Remove,
    string Added,
    string Changed,
    string Removed,
    string AlreadySaved,
    string NothingToRemove,
    string Empty,
    string TooLongFormat,
    string CardNotFound,
    string OnlyInTeam,
    string SomeoneInTheTeam)
{
    public static HighlightsTexts Swedish { get; } = new(
        TitleFormat: "Veckans highlights – vecka {0}",
        Prompt: "Dela en sak från veckan som gick bra. Skriv inget som kan identifiera en klient.",
        NoneYet: "Inga highlights än – bli först!",
        CountOne: "1 highlight",
        CountMany: "{0} highlights",
        Placeholder: "Min highlight den här veckan …",
        Add: "Lägg till",
        YourHighlight: "Din highlight",
        SaveChange: "Spara ändring",
        Remove: "Ta bort",
        Added: "Din highlight är tillagd.",
        Changed: "Din highlight är ändrad.",
        Removed: "Din highlight är borttagen.",
        AlreadySaved: "Din highlight är redan sparad.",
        NothingToRemove: "Du har ingen highlight den här veckan.",
        Empty: "Skriv din highlight först.",
        TooLongFormat: "En highlight får vara högst {0} tecken – din är {1}. Korta den och försök igen.",
        CardNotFound: "Det här highlightskortet finns inte i teamet längre. Be teamledaren skicka ett nytt.",
        OnlyInTeam: "Highlights läggs till i teamets kanal.",
        SomeoneInTheTeam: "En i teamet");

    public static HighlightsTexts English { get; } = new(
        TitleFormat: "Highlights of the week – week {0}",
        Prompt: "Share one thing from the week that went well. Write nothing that could identify a client.",
        NoneYet: "No highlights yet – be the first!",
        CountOne: "1 highlight",
        CountMany: "{0} highlights",
        Placeholder: "My highlight this week …",
        Add: "Add",
        YourHighlight: "Your highlight",
        SaveChange: "Save change",
        Remove: "Remove",
        Added: "Your highlight was added.",
        Changed: "Your highlight was changed.",
        Removed: "Your highlight was removed.",
        AlreadySaved: "Your highlight is already saved.",
        NothingToRemove: "You have no highlight this week.",
        Empty: "Write your highlight first.",
        TooLongFormat: "A highlight can be at most {0} characters – yours is {1}. Please shorten it and try again.",
        CardNotFound: "This highlights card no longer belongs to the team. Ask the team leader to post a new one.",
        OnlyInTeam: "Highlights are added in the team's channel.",
        SomeoneInTheTeam: "Someone in the team");

    public static HighlightsTexts For(Language language) => language == Language.English ? English : Swedish;

    public string Title(int isoWeek) => string.Format(CultureInfo.InvariantCulture, TitleFormat, isoWeek);

    public string Count(int count) => count == 1 ? CountOne : string.Format(CultureInfo.InvariantCulture, CountMany, count);

    public string TooLong(int length) => string.Format(CultureInfo.InvariantCulture, TooLongFormat, HighlightText.MaxLength, length);
}
