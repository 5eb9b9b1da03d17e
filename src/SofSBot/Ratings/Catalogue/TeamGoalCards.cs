using SofSBot.BotFramework.Cards;
using SofSBot.Localization;

namespace SofSBot.Ratings.Catalogue;

/// <summary>The team's own goals of the year; leaders see the buttons to add and remove them.</summary>
internal static class TeamGoalCards
{
    public const string AddVerb = "catalogue.teamgoal.add";
    public const string RetireVerb = "catalogue.teamgoal.retire";
    public const string TitleField = "teamGoalTitle";
    public const string GoalIdField = "goalId";

    /// <summary>Longer than the organisation's titles: a team writes its goal as a sentence.</summary>
    public const int MaxTitleLength = 200;

    public static AdaptiveCard List(
        IReadOnlyList<CatalogueGoal> goals, int year, bool canChange, Language language, string? notice = null, string? error = null, string? draft = null)
    {
        var texts = TeamGoalTexts.For(language);
        var culture = Languages.CultureFor(null, language);
        var title = string.Format(culture, texts.Title, year);
        List<CardElement> body = [TextBlock.Heading(title), .. CardMessages.For(notice, error is null ? null : [error]), new TextBlock(texts.Intro)];
        var active = goals.Where(goal => !goal.IsRetired).ToList();
        if (active.Count == 0)
        {
            body.Add(TextBlock.Subtle(string.Format(culture, texts.NoGoals, year)));
        }

        foreach (var goal in active)
        {
            List<Column> columns = [new([new TextBlock(Markdown.Escape(goal.Goal.Title.In(language)))]) { Width = "stretch" }];
            if (canChange)
            {
                var data = new Dictionary<string, object?> { [GoalIdField] = goal.Goal.GoalId };
                columns.Add(new Column([new ActionSet([ActionExecute.WithSubmitFallback(texts.Retire, RetireVerb, data) with { AssociatedInputs = "none" }])]) { Width = "auto" });
            }

            body.Add(new ColumnSet(columns) { Separator = true });
        }

        var retired = goals.Where(goal => goal.IsRetired).ToList();
        if (retired.Count > 0)
        {
            body.Add(new TextBlock(texts.RetiredHeading) { Size = TextSize.Small, IsSubtle = true, Spacing = Spacing.Medium });
            body.AddRange(retired.Select(goal => new TextBlock("• " + Markdown.Escape(goal.Goal.Title.In(language))) { Size = TextSize.Small, IsSubtle = true, Spacing = Spacing.None }));
        }

        List<CardAction> actions = [];
        if (canChange)
        {
            body.Add(new InputText
            {
                Id = TitleField,
                Label = texts.NewGoal,
                Placeholder = texts.Placeholder,
                Value = draft,
                MaxLength = MaxTitleLength,
                IsMultiline = true,
                Spacing = Spacing.Medium,
            });
            // A new form id each time the card is drawn: a second press of this card adds nothing (see AddOnce).
            var data = new Dictionary<string, object?> { [AddOnce.FormIdField] = AddOnce.NewFormId() };
            actions.Add(ActionExecute.WithSubmitFallback(texts.Add, AddVerb, data) with { Style = "positive" });
        }
        else
        {
            body.Add(TextBlock.Subtle(texts.OnlyLeadersChange));
        }

        return new AdaptiveCard
        {
            Body = body,
            Actions = actions.Count > 0 ? actions : null,
            Lang = language.Code(),
            FallbackText = title,
        };
    }
}
