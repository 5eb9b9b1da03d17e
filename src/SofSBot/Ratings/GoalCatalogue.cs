using SofSBot.Localization;

namespace SofSBot.Ratings;

/// <summary>
/// The organisation's implementation goals and the two overall questions, as the goal catalogue
/// starts out before a coordinator edits it.
/// </summary>
internal static class GoalCatalogue
{
    private static readonly LocalizedText GoalLow = new(
        "Vårt team har ännu inte tagit första steget mot målet",
        "Our team has not yet taken the first step towards the goal");

    private static readonly LocalizedText GoalHigh = new(
        "Målet är enligt dig uppfyllt i vårt team",
        "In your view the goal is fulfilled in our team");

    public static IReadOnlyList<RatingGoal> Seed { get; } =
    [
        Organisation(1, "forhallningssatt", "Förhållningssätt", "Approach",
            "Det lösningsfokuserade, säkerhetsorienterade förhållningssättet och dess tolv principer.",
            "The solution-focused, safety-oriented stance and its twelve principles."),
        Organisation(2, "roda-traden", "Röda tråden", "The red thread",
            "En sammanhängande röd tråd genom hela ärendeprocessen, internt och externt.",
            "One consistent thread through the whole case process, inside and out."),
        Organisation(3, "arbetsramen", "Arbetsramen", "The assessment framework",
            "Arbetsramen (SofS-kartan) används i varje ärende, med skalfrågan om risk och säkerhet.",
            "The assessment framework (the SofS map) is used in every case, with its scaling question on risk and safety."),
        Organisation(4, "4f", "4F (Fokusera, Förstärk, Fundera, Fråga om)", "4F (Focus, Reinforce, Reflect, Ask again)",
            "Den lösningsfokuserade frågemetoden 4F.",
            "The solution-focused questioning method 4F."),
        Organisation(5, "genogram-natverk", "Genogram och nätverk", "Genograms and networks",
            "Genogram och familjens eget nätverk involveras.",
            "Genograms, and the family's own network is involved."),
        Organisation(6, "sakerhetsplanering", "Säkerhetsplanering", "Safety planning",
            "Säkerhetsplanering tillsammans med familjen och nätverket.",
            "Safety planning with the family and the network."),
        new RatingGoal(
            "overall-self",
            GoalKind.Overall,
            new("Var står du själv med Signs of Safety i dag?", "Where do you yourself stand with Signs of Safety today?"),
            new("Din egen bedömning av hur du arbetar enligt Signs of Safety.", "Your own view of how you work the Signs of Safety way."),
            new("Jag har inte börjat", "I have not started"),
            new("Jag arbetar helt enligt Signs of Safety", "I work fully the Signs of Safety way"),
            900),
        new RatingGoal(
            "overall-organisation",
            GoalKind.Overall,
            new("Hur långt har vår organisation kommit?", "How far has our organisation come?"),
            new("Hur långt implementeringen av Signs of Safety har kommit i organisationen.", "How far the implementation of Signs of Safety has come in the organisation."),
            new("Inte påbörjad", "Not started"),
            new("Implementeringen är klar och SofS är permanent", "Implementation is finished and SofS is permanent"),
            901),
    ];

    /// <summary>The id of a team's own goal: one per team, year and number, never reused for another goal.</summary>
    public static string TeamGoalId(int year, int number) => $"team-{year}-{number}";

    /// <summary>A team's own goal, rated on the same scale as the organisation's.</summary>
    public static RatingGoal TeamGoal(string goalId, string title, int order) => new(
        goalId,
        GoalKind.Team,
        new(title, title),
        new("Teamets eget mål för året.", "The team's own goal for the year."),
        GoalLow,
        GoalHigh,
        order);

    private static RatingGoal Organisation(int order, string id, string swedishTitle, string englishTitle, string swedishDescription, string englishDescription) =>
        new(id, GoalKind.Organisation, new(swedishTitle, englishTitle), new(swedishDescription, englishDescription), GoalLow, GoalHigh, order);
}
