using SofSBot.Localization;

namespace SofSBot.Export;

/// <summary>The coordinators' message when a rating period has ended, in Swedish and English.</summary>
internal sealed record PeriodEndReminderTexts(
    string Title,
    string Intro,
    string TeamFigures,
    string TeamFiguresWithoutRoster,
    string TeamFiguresTooFew,
    string TeamFiguresTooFewWithoutRoster,
    string MoreTeams,
    string WithoutAnswersHeading,
    string AllAnswered,
    string NoTeams,
    string Totals,
    string TotalsWithoutRoster,
    string TotalsWithheld,
    string ExportHint,
    string OpenExport)
{
    public static PeriodEndReminderTexts Swedish { get; } = new(
        Title: "Skattningsperioden {0} är slut",
        Intro: "Så många i varje team svarade på skattningen (antal som svarat av antal i teamet). Bara antal visas, inga namn och inga svar.",
        TeamFigures: "{0} av {1} ({2})",
        TeamFiguresWithoutRoster: "{0} svarade",
        TeamFiguresTooFew: "färre än {0} av {1}",
        TeamFiguresTooFewWithoutRoster: "färre än {0} svarade",
        MoreTeams: "… och {0} team till. Alla finns i exporten.",
        WithoutAnswersHeading: "Team som inte har svarat ({0})",
        AllAnswered: "Alla team har svarat.",
        NoTeams: "Inget team har haft en skattning i perioden.",
        Totals: "Totalt: {0} av {1} medlemmar ({2}) i {3} av {4} team.",
        TotalsWithoutRoster: "Totalt: {0} svarade i {1} av {2} team.",
        TotalsWithheld: "Totalt: svar i {0} av {1} team. Antalet svarande i alla team visas inte: minus teamen ovan skulle det visa hur många som svarade i ett team med färre än {2}.",
        ExportHint: "Skriv export här i chatten (eller tryck på knappen) för att hämta skattningarna som Excel, CSV eller uppföljningsrapport.",
        OpenExport: "Exportera");

    public static PeriodEndReminderTexts English { get; } = new(
        Title: "The rating period {0} has ended",
        Intro: "This many in each team answered the rating (respondents of the team's members). Counts only: no names and no answers.",
        TeamFigures: "{0} of {1} ({2})",
        TeamFiguresWithoutRoster: "{0} answered",
        TeamFiguresTooFew: "fewer than {0} of {1}",
        TeamFiguresTooFewWithoutRoster: "fewer than {0} answered",
        MoreTeams: "… and {0} more teams. The export has them all.",
        WithoutAnswersHeading: "Teams that have not answered ({0})",
        AllAnswered: "Every team has answered.",
        NoTeams: "No team had a rating in the period.",
        Totals: "In all: {0} of {1} members ({2}) in {3} of {4} teams.",
        TotalsWithoutRoster: "In all: {0} answered in {1} of {2} teams.",
        TotalsWithheld: "In all: answers in {0} of {1} teams. The number of respondents in all is not shown: minus the teams above it would tell how many answered in a team of fewer than {2}.",
        ExportHint: "Type export here in the chat (or press the button) to get the ratings as Excel, CSV or the follow-up report.",
        OpenExport: "Export");

    public static PeriodEndReminderTexts For(Language language) => language == Language.English ? English : Swedish;
}
