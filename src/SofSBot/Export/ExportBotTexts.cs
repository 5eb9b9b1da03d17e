using SofSBot.Localization;

namespace SofSBot.Export;

/// <summary>The export in Teams: the command, its card and its messages, in Swedish and English.</summary>
internal sealed record ExportBotTexts(
    string CommandDescription,
    string FormTitle,
    string FormIntro,
    string PeriodsLabel,
    string PeriodsRequired,
    string FormatLabel,
    string FormatXlsx,
    string FormatCsv,
    string FormatSummaryCsv,
    string FormatReport,
    string Start,
    string NoPeriods,
    string OnlyInPersonalChat,
    string Started,
    string Progress,
    string Ready,
    string FileDescription,
    string Uploaded,
    string Declined,
    string Expired,
    string NotYours,
    string Failed,
    string NoPseudonymSecret)
{
    public static ExportBotTexts Swedish { get; } = new(
        CommandDescription: "Exportera skattningarna (Excel, CSV) eller uppföljningsrapporten för en eller flera perioder.",
        FormTitle: "Exportera skattningar",
        FormIntro: "Välj perioder och format. Filen skickas hit i chatten och sparas i din OneDrive när du godkänner den. Svaren har pseudonymer, inga namn.",
        PeriodsLabel: "Perioder",
        PeriodsRequired: "Välj minst en period.",
        FormatLabel: "Format",
        FormatXlsx: "Excel-arbetsbok (alla flikar)",
        FormatCsv: "CSV med svaren",
        FormatSummaryCsv: "CSV med siffrorna per team och mål",
        FormatReport: "Uppföljningsrapport (HTML med diagram, går att skriva ut som PDF)",
        Start: "Exportera",
        NoPeriods: "Det finns inga perioder att exportera ännu.",
        OnlyInPersonalChat: "Exporten finns bara i den personliga chatten med SofSBot, så att filen bara hamnar hos dig.",
        Started: "Exporten av {0} har startat. Filen kommer hit i chatten.",
        Progress: "Exporten pågår: {0} % ({1} svar lästa).",
        Ready: "Exporten är klar: {0} svar.",
        FileDescription: "Skattningar {0}",
        Uploaded: "Filen {0} finns nu i din OneDrive.",
        Declined: "Filen sparades inte. Skriv export för att göra en ny.",
        Expired: "Filen finns inte längre (den sparas en timme). Skriv export för att göra en ny.",
        NotYours: "Den här filen gjordes åt någon annan.",
        Failed: "Exporten misslyckades. Försök igen om en stund.",
        NoPseudonymSecret: "Exporten kan inte göras än: nyckeln för de anonyma svarskoderna (inställningen Export:PseudonymSecret) saknas. Be IT-avdelningen att lägga in den; ingenting har exporterats.");

    public static ExportBotTexts English { get; } = new(
        CommandDescription: "Export the ratings (Excel, CSV) or the follow-up report of one or more periods.",
        FormTitle: "Export ratings",
        FormIntro: "Choose the periods and the format. The file comes here in the chat and is saved to your OneDrive when you accept it. Answers carry pseudonyms, no names.",
        PeriodsLabel: "Periods",
        PeriodsRequired: "Choose at least one period.",
        FormatLabel: "Format",
        FormatXlsx: "Excel workbook (all sheets)",
        FormatCsv: "CSV of the answers",
        FormatSummaryCsv: "CSV of the figures per team and goal",
        FormatReport: "Follow-up report (HTML with charts, prints to PDF)",
        Start: "Export",
        NoPeriods: "There are no periods to export yet.",
        OnlyInPersonalChat: "The export is only in the personal chat with SofSBot, so that the file reaches only you.",
        Started: "The export of {0} has started. The file will come here in the chat.",
        Progress: "Exporting: {0} % ({1} answers read).",
        Ready: "The export is ready: {0} answers.",
        FileDescription: "Ratings {0}",
        Uploaded: "The file {0} is now in your OneDrive.",
        Declined: "The file was not saved. Type export to make a new one.",
        Expired: "The file is no longer there (it is kept for an hour). Type export to make a new one.",
        NotYours: "This file was made for someone else.",
        Failed: "The export failed. Try again in a while.",
        NoPseudonymSecret: "The export cannot run yet: the key of the respondent pseudonyms (setting Export:PseudonymSecret) is missing. Ask IT to set it; nothing was exported.");

    public static ExportBotTexts For(Language language) => language == Language.English ? English : Swedish;
}
