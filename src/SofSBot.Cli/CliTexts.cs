using SofSBot.Localization;

namespace SofSBot.Cli;

/// <summary>The command line's descriptions and messages, in Swedish and English.</summary>
internal sealed record CliTexts(
    string Root,
    string Export,
    string Report,
    string Periods,
    string PeriodOption,
    string FormatOption,
    string OutOption,
    string LanguageOption,
    string ConnectionOption,
    string Reading,
    string Done,
    string NoConnection,
    string NoSecret,
    string StorageUnreachable,
    string CannotWrite,
    string PeriodList,
    string NoPeriods)
{
    public static CliTexts Swedish { get; } = new(
        Root: "SofSBot: export av skattningar och uppföljningsrapport, direkt från lagringen.",
        Export: "Exportera skattningarna för en eller flera perioder (xlsx, csv med svaren, csv-summary med siffrorna per team och mål).",
        Report: "Skriv uppföljningsrapporten (en HTML-fil med diagram, som går att skriva ut som PDF).",
        Periods: "Visa perioderna som finns.",
        PeriodOption: "Perioden, t.ex. 2025-var eller 2025-1; kan anges flera gånger.",
        FormatOption: "Format: xlsx (standard), csv eller csv-summary.",
        OutOption: "Filen att skriva.",
        LanguageOption: "Språk: sv (standard) eller en.",
        ConnectionOption: "Anslutningssträng till Table Storage (annars miljövariabeln ConnectionStrings__Tables).",
        Reading: "Läser svar",
        Done: "Klart: {0} svar från {1} skrevs till {2}.",
        NoConnection: "Ingen anslutning till lagringen är angiven. Ange --connection eller sätt miljövariabeln ConnectionStrings__Tables (lokalt t.ex. UseDevelopmentStorage=true), eller Storage__TableServiceUri i Azure.",
        NoSecret: "Nyckeln för pseudonymerna saknas eller är för kort: sätt miljövariabeln Export__PseudonymSecret till samma hemlighet (minst 32 byte) som boten använder.",
        StorageUnreachable: "Lagringen gick inte att nå ({0}). Kontrollera anslutningen och att du har åtkomst.",
        CannotWrite: "Det går inte att skriva till {0}: {1}",
        PeriodList: "Perioder ({0}):",
        NoPeriods: "Inga perioder finns ännu.");

    public static CliTexts English { get; } = new(
        Root: "SofSBot: export of ratings and the follow-up report, straight from storage.",
        Export: "Export the ratings of one or more periods (xlsx, csv of the answers, csv-summary of the figures per team and goal).",
        Report: "Write the follow-up report (one HTML file with charts that prints to PDF).",
        Periods: "List the periods there are.",
        PeriodOption: "The period, e.g. 2025-var or 2025-1; may be given more than once.",
        FormatOption: "Format: xlsx (default), csv or csv-summary.",
        OutOption: "The file to write.",
        LanguageOption: "Language: sv (default) or en.",
        ConnectionOption: "Table Storage connection string (else the environment variable ConnectionStrings__Tables).",
        Reading: "Reading answers",
        Done: "Done: {0} answers of {1} written to {2}.",
        NoConnection: "No storage connection is set. Pass --connection or set the environment variable ConnectionStrings__Tables (locally e.g. UseDevelopmentStorage=true), or Storage__TableServiceUri in Azure.",
        NoSecret: "The pseudonym key is missing or too short: set the environment variable Export__PseudonymSecret to the same secret (at least 32 bytes) the bot uses.",
        StorageUnreachable: "Storage could not be reached ({0}). Check the connection and that you have access.",
        CannotWrite: "Cannot write to {0}: {1}",
        PeriodList: "Periods ({0}):",
        NoPeriods: "There are no periods yet.");

    public static CliTexts For(Language language) => language == Language.English ? English : Swedish;
}
