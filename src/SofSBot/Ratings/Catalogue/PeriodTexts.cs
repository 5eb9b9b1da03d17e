using SofSBot.Localization;

namespace SofSBot.Ratings.Catalogue;

/// <summary>The words of the coordinator's rating periods: the list, the form and their messages.</summary>
internal sealed record PeriodTexts(
    string Title,
    string Intro,
    string NoPeriods,
    string Name,
    string Start,
    string End,
    string Dates,
    string Edit,
    string Add,
    string EditTitle,
    string NewTitle,
    string FormIntro,
    string Save,
    string Back,
    string NameRequired,
    string DatesRequired,
    string StartAfterEnd,
    string Overlaps,
    string ChangedMeanwhile,
    string NotFound,
    string Saved,
    string Added,
    string CommandDescription)
{
    public static PeriodTexts Swedish { get; } = new(
        Title: "Skattningsperioder",
        Intro: "Omgångar och exporter hör till en period. En period behåller sitt id (det som står inom parentes) även om namnet eller datumen ändras, så svaren följer med.",
        NoPeriods: "Det finns inga perioder än. Den första skapas när en omgång öppnas (halvåret), eller lägg till en här.",
        Name: "Namn",
        Start: "Första dag",
        End: "Sista dag",
        Dates: "{0} – {1}",
        Edit: "Ändra",
        Add: "Lägg till period",
        EditTitle: "Ändra ”{0}”",
        NewTitle: "Ny period",
        FormIntro: "Perioder får inte överlappa. Skattningar i mars hör till vårens period, i september till höstens.",
        Save: "Spara",
        Back: "Tillbaka till listan",
        NameRequired: "Skriv ett namn på perioden, högst {0} tecken.",
        DatesRequired: "Välj första och sista dag.",
        StartAfterEnd: "Första dagen måste vara samma dag som eller före sista dagen.",
        Overlaps: "Perioden överlappar ”{0}” ({1}). Perioder får inte överlappa – inget har sparats.",
        ChangedMeanwhile: "Någon annan ändrade perioden medan du hade formuläret öppet. Här är det som gäller nu – inget av det du skrev har sparats.",
        NotFound: "Perioden finns inte.",
        Saved: "”{0}” är sparad.",
        Added: "”{0}” är tillagd.",
        CommandDescription: "Samordnare: visar, ändrar och lägger till skattningsperioder (t.ex. 2025 vår).");

    public static PeriodTexts English { get; } = new(
        Title: "Rating periods",
        Intro: "Rounds and exports belong to a period. A period keeps its id (in brackets) when its name or dates change, so its answers stay with it.",
        NoPeriods: "There are no periods yet. The first is made when a round is opened (the half-year), or add one here.",
        Name: "Name",
        Start: "First day",
        End: "Last day",
        Dates: "{0} – {1}",
        Edit: "Edit",
        Add: "Add period",
        EditTitle: "Edit “{0}”",
        NewTitle: "New period",
        FormIntro: "Periods may not overlap. Ratings in March belong to the spring period, in September to the autumn one.",
        Save: "Save",
        Back: "Back to the list",
        NameRequired: "Write a name for the period, at most {0} characters.",
        DatesRequired: "Choose the first and the last day.",
        StartAfterEnd: "The first day must be on or before the last day.",
        Overlaps: "The period overlaps “{0}” ({1}). Periods may not overlap – nothing was saved.",
        ChangedMeanwhile: "Someone else changed the period while you had the form open. This is what holds now – nothing you wrote was saved.",
        NotFound: "The period does not exist.",
        Saved: "“{0}” is saved.",
        Added: "“{0}” is added.",
        CommandDescription: "Coordinators: shows, edits and adds rating periods (e.g. 2025 spring).");

    public static PeriodTexts For(Language language) => language == Language.English ? English : Swedish;
}
