using SofSBot.Localization;

namespace SofSBot.Routines;

/// <summary>The routines' names and the words of the card posted for an occurrence.</summary>
internal sealed record RoutineTexts(
    string Highlights,
    string AppreciativeInquiry,
    string CaseSupervision,
    string RatingRound,
    string Week,
    string Meeting,
    string ComingSoon)
{
    public static RoutineTexts Swedish { get; } = new(
        Highlights: "Veckans highlights",
        AppreciativeInquiry: "Uppskattande intervju",
        CaseSupervision: "Ärendehandledning i grupp",
        RatingRound: "Skattning av teamets mål",
        Week: "Vecka",
        Meeting: "Teammöte",
        ComingSoon: "Kortet för den här rutinen kommer snart; tills vidare påminner jag om den här.");

    public static RoutineTexts English { get; } = new(
        Highlights: "Highlights of the week",
        AppreciativeInquiry: "Appreciative inquiry",
        CaseSupervision: "Group case supervision",
        RatingRound: "Rating the team's goals",
        Week: "Week",
        Meeting: "Team meeting",
        ComingSoon: "The card for this routine is coming soon; until then I remind you of it here.");

    public static RoutineTexts For(Language language) => language == Language.English ? English : Swedish;

    public string NameOf(RoutineKind routine) => routine switch
    {
        RoutineKind.Highlights => Highlights,
        RoutineKind.AppreciativeInquiry => AppreciativeInquiry,
        RoutineKind.CaseSupervision => CaseSupervision,
        RoutineKind.RatingRound => RatingRound,
        _ => routine.ToString(),
    };
}
