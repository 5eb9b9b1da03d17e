using SofSBot.Localization;
using SofSBot.Ratings;
using SofSBot.Ratings.Catalogue;

namespace SofSBot.Tests.Cards;

/// <summary>The goal catalogue, the periods and the team's own goals, as coordinators, leaders and members see them.</summary>
internal sealed class CatalogueCardSamples : ICardSamples
{
    private const string Version = "W/\"datetime'2025-03-10T09%3A00%3A00.0000000Z'\"";

    public IEnumerable<CardSample> Samples()
    {
        IReadOnlyList<CatalogueGoal> catalogue =
        [
            .. GoalCatalogue.Seed.Select(goal => new CatalogueGoal(goal, null, Version)),
            new(GoalCatalogue.Seed[0] with { GoalId = "org-1", Title = new("Barnets röst", "The child's voice"), Order = 7 }, new DateTimeOffset(2025, 2, 3, 10, 0, 0, TimeSpan.Zero), Version),
        ];
        var edited = GoalForm.From(catalogue[1]);
        IReadOnlyList<RatingPeriod> periods =
        [
            new("2025-1", "2025 vår", new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 30)),
            new("2025-2", "2025 höst", new DateOnly(2025, 7, 1), new DateOnly(2025, 12, 31)),
        ];
        var spring = new VersionedPeriod(periods[0], Version);
        IReadOnlyList<CatalogueGoal> teamGoals =
        [
            new(GoalCatalogue.TeamGoal("team-2025-1", "Vi gör en uppskattande intervju på varje teammöte", 101), null, Version),
            new(GoalCatalogue.TeamGoal("team-2025-2", "Varje ärende har ett genogram", 102), null, Version),
            new(GoalCatalogue.TeamGoal("team-2025-3", "Vi bjuder in nätverket till varje uppföljning", 103), new DateTimeOffset(2025, 2, 1, 8, 0, 0, TimeSpan.Zero), Version),
        ];

        yield return new("catalogue-goals-sv", "The coordinator's goal catalogue, one goal removed", GoalCatalogueCards.List(catalogue, Language.Swedish));
        yield return new("catalogue-goals-saved-en", "The goal catalogue in English after a save",
            GoalCatalogueCards.List(catalogue, Language.English, notice: string.Format(System.Globalization.CultureInfo.InvariantCulture, GoalCatalogueTexts.English.Saved, "The red thread")));
        yield return new("catalogue-goal-retire-confirm-sv", "Asking before a goal is removed", GoalCatalogueCards.ConfirmRetire(catalogue[3], Language.Swedish));
        yield return new("catalogue-goal-form-sv", "Editing an organisation goal", GoalCatalogueCards.Form(edited, GoalKind.Organisation, Language.Swedish));
        yield return new("catalogue-goal-form-changed-sv", "The edit form again: someone else changed the goal meanwhile",
            GoalCatalogueCards.Form(edited, GoalKind.Organisation, Language.Swedish, [GoalCatalogueTexts.Swedish.ChangedMeanwhile]));
        yield return new("catalogue-goal-form-overall-en", "Editing an overall question, in English", GoalCatalogueCards.Form(GoalForm.From(catalogue[7]), GoalKind.Overall, Language.English));
        yield return new("catalogue-goal-form-new-errors-en", "A new goal refused: no English title, a personal identity number",
            GoalCatalogueCards.Form(GoalForm.New(catalogue) with { TitleSwedish = "Barnets röst" }, GoalKind.Organisation, Language.English,
                [GoalCatalogueTexts.English.TitleRequired, SofSBot.Privacy.PrivacyTexts.English.PersonalNumberRefused]));
        yield return new("catalogue-periods-sv", "The coordinator's rating periods", PeriodCards.List(periods, Language.Swedish));
        yield return new("catalogue-periods-empty-en", "No periods yet, in English", PeriodCards.List([], Language.English));
        yield return new("catalogue-period-form-sv", "Editing a period", PeriodCards.Form(PeriodForm.From(spring), Language.Swedish));
        yield return new("catalogue-period-form-overlap-en", "A new period refused because it overlaps another",
            PeriodCards.Form(new PeriodForm(null, null, "2025 autumn", "2025-06-01", "2025-12-31"), Language.English,
                [string.Format(System.Globalization.CultureInfo.InvariantCulture, PeriodTexts.English.Overlaps, "2025 vår", PeriodCards.FormatDates(periods[0], Language.English))]));
        yield return new("catalogue-period-form-name-taken-sv", "A new period refused: another period has its name",
            PeriodCards.Form(new PeriodForm(null, null, "2025 VÅR", "2025-07-01", "2025-12-31"), Language.Swedish,
                [string.Format(System.Globalization.CultureInfo.InvariantCulture, PeriodTexts.Swedish.NameTaken, "2025 vår")]));
        yield return new("catalogue-team-goals-leader-sv", "The team's own goals as a leader sees them, with add and remove", TeamGoalCards.List(teamGoals, 2025, canChange: true, Language.Swedish));
        yield return new("catalogue-team-goals-member-en", "The team's own goals as a member sees them", TeamGoalCards.List(teamGoals, 2025, canChange: false, Language.English));
        yield return new("catalogue-team-goals-empty-error-sv", "No team goals yet; a goal refused as too long",
            TeamGoalCards.List([], 2025, canChange: true, Language.Swedish, error: string.Format(System.Globalization.CultureInfo.InvariantCulture, TeamGoalTexts.Swedish.TitleRequired, TeamGoalCards.MaxTitleLength)));
    }
}
