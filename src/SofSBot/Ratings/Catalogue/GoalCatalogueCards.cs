using System.Globalization;
using SofSBot.BotFramework.Cards;
using SofSBot.Localization;

namespace SofSBot.Ratings.Catalogue;

/// <summary>The coordinator's goal catalogue: every goal with both languages and both ends of the scale, and the edit form.</summary>
internal static class GoalCatalogueCards
{
    public const string ListVerb = "catalogue.goals";
    public const string EditVerb = "catalogue.goal.edit";
    public const string NewVerb = "catalogue.goal.new";
    public const string SaveVerb = "catalogue.goal.save";
    public const string RetireVerb = "catalogue.goal.retire";
    public const string ConfirmRetireVerb = "catalogue.goal.retire.confirm";

    public static AdaptiveCard List(IReadOnlyList<CatalogueGoal> goals, Language language, string? notice = null, IReadOnlyList<string>? errors = null)
    {
        var texts = GoalCatalogueTexts.For(language);
        List<CardElement> body = [TextBlock.Heading(texts.Title), .. CardMessages.For(notice, errors), new TextBlock(texts.Intro)];
        body.AddRange(goals.Select(goal => GoalEntry(goal, texts, language)));
        return new AdaptiveCard
        {
            Body = body,
            Actions = [ActionExecute.WithSubmitFallback(texts.Add, NewVerb) with { Style = "positive" }],
            Lang = language.Code(),
            FallbackText = texts.Title,
        };
    }

    public static AdaptiveCard Form(GoalForm form, GoalKind kind, Language language, IReadOnlyList<string>? errors = null)
    {
        var texts = GoalCatalogueTexts.For(language);
        var culture = Languages.CultureFor(null, language);
        var shownTitle = language == Language.English && form.TitleEnglish.Length > 0 ? form.TitleEnglish : form.TitleSwedish;
        var title = form.GoalId is null ? texts.NewTitle : string.Format(culture, texts.EditTitle, Markdown.Escape(shownTitle));
        var (min, max) = GoalForm.OrderRange(kind);
        List<CardElement> body =
        [
            TextBlock.Heading(title),
            .. CardMessages.For(null, errors),
            new TextBlock(texts.FormIntro) { IsSubtle = true },
            Text(GoalForm.TitleSwedishField, texts.TitleSwedish, form.TitleSwedish, GoalForm.MaxTitleLength, required: true, texts.TitleRequired),
            Text(GoalForm.TitleEnglishField, texts.TitleEnglish, form.TitleEnglish, GoalForm.MaxTitleLength, required: true, texts.TitleRequired),
            Text(GoalForm.DescriptionSwedishField, texts.DescriptionSwedish, form.DescriptionSwedish, GoalForm.MaxTextLength, required: false, null) with { IsMultiline = true },
            Text(GoalForm.DescriptionEnglishField, texts.DescriptionEnglish, form.DescriptionEnglish, GoalForm.MaxTextLength, required: false, null) with { IsMultiline = true },
            Text(GoalForm.LowSwedishField, texts.LowSwedish, form.LowSwedish, GoalForm.MaxTextLength, required: true, texts.AnchorsRequired),
            Text(GoalForm.LowEnglishField, texts.LowEnglish, form.LowEnglish, GoalForm.MaxTextLength, required: true, texts.AnchorsRequired),
            Text(GoalForm.HighSwedishField, texts.HighSwedish, form.HighSwedish, GoalForm.MaxTextLength, required: true, texts.AnchorsRequired),
            Text(GoalForm.HighEnglishField, texts.HighEnglish, form.HighEnglish, GoalForm.MaxTextLength, required: true, texts.AnchorsRequired),
            new InputNumber
            {
                Id = GoalForm.OrderField,
                Label = string.Format(culture, texts.Order, min, max),
                Min = min,
                Max = max,
                Value = int.TryParse(form.Order, NumberStyles.Integer, CultureInfo.InvariantCulture, out var order) ? order : null,
                IsRequired = true,
                ErrorMessage = string.Format(culture, texts.OrderRange, min, max),
            },
        ];
        var data = new Dictionary<string, object?> { [GoalForm.GoalIdField] = form.GoalId ?? string.Empty, [GoalForm.VersionField] = form.Version ?? string.Empty };
        if (form.GoalId is null)
        {
            // A new goal: a second press of this form adds nothing (see AddOnce).
            data[AddOnce.FormIdField] = AddOnce.NewFormId();
        }

        return new AdaptiveCard
        {
            Body = body,
            Actions =
            [
                ActionExecute.WithSubmitFallback(texts.Save, SaveVerb, data) with { Style = "positive" },
                ActionExecute.WithSubmitFallback(texts.Back, ListVerb) with { AssociatedInputs = "none" },
            ],
            Lang = language.Code(),
            FallbackText = title,
        };
    }

    /// <summary>"Ta bort" asks first: a removed goal is not asked again, and the list has no way back.</summary>
    public static AdaptiveCard ConfirmRetire(CatalogueGoal entry, Language language)
    {
        var texts = GoalCatalogueTexts.For(language);
        var title = string.Format(Languages.CultureFor(null, language), texts.ConfirmRetireTitle, Markdown.Escape(entry.Goal.Title.In(language)));
        var data = new Dictionary<string, object?> { [GoalForm.GoalIdField] = entry.Goal.GoalId, [GoalForm.VersionField] = entry.Version };
        return new AdaptiveCard
        {
            Body = [TextBlock.Heading(title), new TextBlock(texts.ConfirmRetireText)],
            Actions =
            [
                ActionExecute.WithSubmitFallback(texts.ConfirmRetire, ConfirmRetireVerb, data) with { Style = "destructive" },
                ActionExecute.WithSubmitFallback(texts.Back, ListVerb),
            ],
            Lang = language.Code(),
            FallbackText = title,
        };
    }

    private static Container GoalEntry(CatalogueGoal entry, GoalCatalogueTexts texts, Language language)
    {
        var goal = entry.Goal;
        var culture = Languages.CultureFor(null, language);
        List<CardElement> items =
        [
            // The order number is what the coordinator edits; overall questions (900+) and removed
            // goals are not numbered, so the list reads 1, 2, 3 … as the round asks.
            new TextBlock(
                (goal.Kind == GoalKind.Organisation && !entry.IsRetired ? $"{goal.Order}. " : string.Empty) + $"{Markdown.Escape(goal.Title.Swedish)} / {Markdown.Escape(goal.Title.English)}")
            {
                Weight = TextWeight.Bolder,
                IsSubtle = entry.IsRetired ? true : null,
            },
        ];
        if (entry.RetiredAt is { } retiredAt)
        {
            // Removed goals add up over the years: their title is enough, and keeps the card small.
            var day = RatingCards.TodayIn(retiredAt).ToString("d MMMM yyyy", culture);
            items.Add(new TextBlock(string.Format(culture, texts.RetiredOn, day)) { Color = TextColor.Warning, Size = TextSize.Small, Spacing = Spacing.None });
            return new Container(items) { Separator = true, Spacing = Spacing.Medium };
        }

        items.Add(TextBlock.Subtle(goal.Kind == GoalKind.Overall ? texts.OverallQuestion : texts.OrganisationGoal));
        if (goal.Description.Swedish.Length > 0 || goal.Description.English.Length > 0)
        {
            items.Add(new TextBlock(Markdown.Escape(goal.Description.Swedish)) { Spacing = Spacing.Small });
            items.Add(new TextBlock(Markdown.Escape(goal.Description.English)) { IsSubtle = true, Spacing = Spacing.None });
        }

        items.Add(new TextBlock($"0 = {Markdown.Escape(goal.LowAnchor.Swedish)} · 10 = {Markdown.Escape(goal.HighAnchor.Swedish)}") { Size = TextSize.Small, Spacing = Spacing.Small });
        items.Add(new TextBlock($"0 = {Markdown.Escape(goal.LowAnchor.English)} · 10 = {Markdown.Escape(goal.HighAnchor.English)}") { Size = TextSize.Small, IsSubtle = true, Spacing = Spacing.None });
        var data = new Dictionary<string, object?> { [GoalForm.GoalIdField] = goal.GoalId, [GoalForm.VersionField] = entry.Version };
        List<CardAction> actions = [ActionExecute.WithSubmitFallback(texts.Edit, EditVerb, data) with { AssociatedInputs = "none" }];
        if (goal.Kind == GoalKind.Organisation)
        {
            actions.Add(ActionExecute.WithSubmitFallback(texts.Retire, RetireVerb, data) with { AssociatedInputs = "none", Style = "destructive" });
        }

        items.Add(new ActionSet(actions));
        return new Container(items) { Separator = true, Spacing = Spacing.Medium };
    }

    private static InputText Text(string id, string label, string value, int maxLength, bool required, string? error) => new()
    {
        Id = id,
        Label = label,
        Value = value,
        MaxLength = maxLength,
        IsRequired = required ? true : null,
        ErrorMessage = error,
    };
}
