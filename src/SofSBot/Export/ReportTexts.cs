using SofSBot.Localization;

namespace SofSBot.Export;

/// <summary>The follow-up report's texts, in Swedish and English.</summary>
internal sealed record ReportTexts(
    string Title,
    string Intro,
    string KeyFigures,
    string OverallMean,
    string ResponseRate,
    string ShareAtOrAbove,
    string Target,
    string TargetMet,
    string TargetNotMet,
    string GoalsOverTime,
    string GoalsOverTimeChart,
    string Teams,
    string TeamsChart,
    string ShareChart,
    string ResponseRates,
    string Respondents,
    string Members,
    string Unknown,
    string TeamsWithoutAnswers,
    string None,
    string Withheld,
    string Generated,
    string Of)
{
    public static ReportTexts Swedish { get; } = new(
        Title: "Uppföljning av Signs of Safety",
        Intro: "Teamens skattningar 0–10 av hur långt de kommit med implementeringsmålen. Figurer för färre än {0} svarande visas inte.",
        KeyFigures: "Nyckeltal",
        OverallMean: "Medelvärde, alla mål",
        ResponseRate: "Svarsfrekvens",
        ShareAtOrAbove: "Andel svar {0} eller högre",
        Target: "Styrgruppens mål: {0}",
        TargetMet: "målet nått",
        TargetNotMet: "målet inte nått",
        GoalsOverTime: "Målen över tid",
        GoalsOverTimeChart: "Medelvärde per mål och period",
        Teams: "Per team",
        TeamsChart: "Medelvärde per team (organisationens mål)",
        ShareChart: "Andel svar {0} eller högre per mål, mot styrgruppens mål",
        ResponseRates: "Svarsfrekvens per team",
        Respondents: "Svarande",
        Members: "Medlemmar",
        Unknown: "okänt",
        TeamsWithoutAnswers: "Team utan svar",
        None: "Inga.",
        Withheld: "för få svar",
        Generated: "Skapad {0}",
        Of: "av");

    public static ReportTexts English { get; } = new(
        Title: "Signs of Safety follow-up",
        Intro: "The teams' 0–10 ratings of how far they have come with the implementation goals. Figures of fewer than {0} respondents are not shown.",
        KeyFigures: "Key figures",
        OverallMean: "Mean, all goals",
        ResponseRate: "Response rate",
        ShareAtOrAbove: "Share of answers {0} or higher",
        Target: "Steering group's target: {0}",
        TargetMet: "target met",
        TargetNotMet: "target not met",
        GoalsOverTime: "Goals over time",
        GoalsOverTimeChart: "Mean per goal and period",
        Teams: "Per team",
        TeamsChart: "Mean per team (organisation goals)",
        ShareChart: "Share of answers {0} or higher per goal, against the steering group's target",
        ResponseRates: "Response rate per team",
        Respondents: "Respondents",
        Members: "Members",
        Unknown: "unknown",
        TeamsWithoutAnswers: "Teams without answers",
        None: "None.",
        Withheld: "too few answers",
        Generated: "Created {0}",
        Of: "of");

    public static ReportTexts For(Language language) => language == Language.English ? English : Swedish;
}
