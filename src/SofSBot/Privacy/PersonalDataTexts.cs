using SofSBot.Localization;

namespace SofSBot.Privacy;

/// <summary>The words of "mina data" / "my data".</summary>
internal sealed record PersonalDataTexts(
    string Title,
    string Intro,
    string Nothing,
    string More,
    string Erase,
    string ConfirmTitle,
    string ConfirmText,
    string ConfirmErase,
    string Cancel,
    string Erased,
    string OnlyInPersonalChat,
    string CommandDescription)
{
    public static PersonalDataTexts Swedish { get; } = new(
        Title: "Dina data",
        Intro: "Det här har SofSBot sparat om dig.",
        Nothing: "SofSBot har inget sparat om dig.",
        More: "… och {0} till.",
        Erase: "Radera mina data",
        ConfirmTitle: "Radera dina data?",
        ConfirmText: "Allt som visas här raderas och kan inte återställas. Sammanställningar, som resultat av skattningar, räknas om utan dina svar.",
        ConfirmErase: "Ja, radera",
        Cancel: "Avbryt",
        Erased: "Klart: {0} sparade uppgifter om dig är raderade.",
        OnlyInPersonalChat: "Skriv det till mig i en personlig chatt, så att bara du ser dina data.",
        CommandDescription: "Visar allt SofSBot har sparat om dig och raderar det om du vill (i personlig chatt).");

    public static PersonalDataTexts English { get; } = new(
        Title: "Your data",
        Intro: "This is what SofSBot has stored about you.",
        Nothing: "SofSBot has nothing stored about you.",
        More: "… and {0} more.",
        Erase: "Erase my data",
        ConfirmTitle: "Erase your data?",
        ConfirmText: "Everything shown here is erased and cannot be restored. Summaries, such as rating results, are computed again without your answers.",
        ConfirmErase: "Yes, erase",
        Cancel: "Cancel",
        Erased: "Done: {0} stored items about you were erased.",
        OnlyInPersonalChat: "Write it to me in a personal chat, so that only you see your data.",
        CommandDescription: "Shows everything SofSBot has stored about you, and erases it if you want (in personal chat).");

    public static PersonalDataTexts For(Language language) => language == Language.English ? English : Swedish;
}
