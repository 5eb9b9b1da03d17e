using SofSBot.Localization;

namespace SofSBot.Ratings.Catalogue;

/// <summary>The words of the team's own goals card.</summary>
internal sealed record TeamGoalTexts(
    string Title,
    string Intro,
    string NoGoals,
    string RetiredHeading,
    string NewGoal,
    string Placeholder,
    string Add,
    string Retire,
    string OnlyLeadersChange,
    string TitleRequired,
    string AlreadyThere,
    string Added,
    string Retired,
    string NotFound,
    string CommandDescription)
{
    public static TeamGoalTexts Swedish { get; } = new(
        Title: "Teamets egna mål {0}",
        Intro: "Teamets egna mål för året skattas 0–10 tillsammans med organisationens mål, i omgångar som öppnas från och med nu.",
        NoGoals: "Teamet har inga egna mål för {0} än.",
        RetiredHeading: "Borttagna (frågas inte i nya omgångar):",
        NewGoal: "Nytt mål för teamet",
        Placeholder: "T.ex. Vi gör en uppskattande intervju på varje teammöte",
        Add: "Lägg till",
        Retire: "Ta bort",
        OnlyLeadersChange: "Teamledare kan lägga till och ta bort teamets mål.",
        TitleRequired: "Skriv målet, högst {0} tecken.",
        AlreadyThere: "Teamet har redan målet ”{0}”.",
        Added: "”{0}” är tillagt och kommer med i omgångar som öppnas från och med nu.",
        Retired: "”{0}” är borttaget ur nya omgångar; svaren på det finns kvar.",
        NotFound: "Målet finns inte bland teamets mål.",
        CommandDescription: "Visar teamets egna mål för året; teamledare lägger till och tar bort mål.");

    public static TeamGoalTexts English { get; } = new(
        Title: "The team's own goals {0}",
        Intro: "The team's own goals for the year are rated 0–10 together with the organisation's goals, in rounds opened from now on.",
        NoGoals: "The team has no goals of its own for {0} yet.",
        RetiredHeading: "Removed (not asked in new rounds):",
        NewGoal: "New goal for the team",
        Placeholder: "E.g. We hold an appreciative interview at every team meeting",
        Add: "Add",
        Retire: "Remove",
        OnlyLeadersChange: "Team leaders can add and remove the team's goals.",
        TitleRequired: "Write the goal, at most {0} characters.",
        AlreadyThere: "The team already has the goal “{0}”.",
        Added: "“{0}” is added and is asked in rounds opened from now on.",
        Retired: "“{0}” is removed from new rounds; its answers are kept.",
        NotFound: "The goal is not one of the team's goals.",
        CommandDescription: "Shows the team's own goals for the year; team leaders add and remove goals.");

    public static TeamGoalTexts For(Language language) => language == Language.English ? English : Swedish;
}
