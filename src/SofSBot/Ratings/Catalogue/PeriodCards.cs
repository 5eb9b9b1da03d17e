using System.Globalization;
using SofSBot.BotFramework.Cards;
using SofSBot.Localization;

namespace SofSBot.Ratings.Catalogue;

/// <summary>The coordinator's rating periods: the list and the form to edit or add one.</summary>
internal static class PeriodCards
{
    public const string ListVerb = "catalogue.periods";
    public const string EditVerb = "catalogue.period.edit";
    public const string NewVerb = "catalogue.period.new";
    public const string SaveVerb = "catalogue.period.save";

    public static AdaptiveCard List(IReadOnlyList<RatingPeriod> periods, Language language, string? notice = null, IReadOnlyList<string>? errors = null)
    {
        var texts = PeriodTexts.For(language);
        List<CardElement> body = [TextBlock.Heading(texts.Title), .. CardMessages.For(notice, errors), new TextBlock(texts.Intro)];
        if (periods.Count == 0)
        {
            body.Add(TextBlock.Subtle(texts.NoPeriods));
        }

        foreach (var period in periods)
        {
            body.Add(new ColumnSet(
            [
                new Column(
                [
                    new TextBlock($"{Markdown.Escape(period.Name)} ({Markdown.Escape(period.PeriodId)})") { Weight = TextWeight.Bolder },
                    new TextBlock(FormatDates(period, language)) { IsSubtle = true, Spacing = Spacing.None },
                ])
                { Width = "stretch" },
                new Column([new ActionSet([ActionExecute.WithSubmitFallback(texts.Edit, EditVerb, Data(period.PeriodId, null)) with { AssociatedInputs = "none" }])])
                {
                    Width = "auto",
                },
            ])
            { Separator = true, Spacing = Spacing.Medium });
        }

        return new AdaptiveCard
        {
            Body = body,
            Actions = [ActionExecute.WithSubmitFallback(texts.Add, NewVerb) with { Style = "positive" }],
            Lang = language.Code(),
            FallbackText = texts.Title,
        };
    }

    public static AdaptiveCard Form(PeriodForm form, Language language, IReadOnlyList<string>? errors = null)
    {
        var texts = PeriodTexts.For(language);
        var title = form.PeriodId is null ? texts.NewTitle : string.Format(CultureInfo.InvariantCulture, texts.EditTitle, Markdown.Escape(form.Name));
        List<CardElement> body =
        [
            TextBlock.Heading(title),
            .. CardMessages.For(null, errors),
            new TextBlock(texts.FormIntro) { IsSubtle = true },
            new InputText
            {
                Id = PeriodForm.NameField, Label = texts.Name, Value = form.Name, MaxLength = PeriodForm.MaxNameLength, IsRequired = true,
                ErrorMessage = string.Format(CultureInfo.InvariantCulture, texts.NameRequired, PeriodForm.MaxNameLength),
            },
            new InputDate { Id = PeriodForm.StartField, Label = texts.Start, Value = form.Start, IsRequired = true, ErrorMessage = texts.DatesRequired },
            new InputDate { Id = PeriodForm.EndField, Label = texts.End, Value = form.End, IsRequired = true, ErrorMessage = texts.DatesRequired },
        ];
        return new AdaptiveCard
        {
            Body = body,
            Actions =
            [
                ActionExecute.WithSubmitFallback(texts.Save, SaveVerb, SaveData(form)) with { Style = "positive" },
                ActionExecute.WithSubmitFallback(texts.Back, ListVerb) with { AssociatedInputs = "none" },
            ],
            Lang = language.Code(),
            FallbackText = title,
        };
    }

    /// <summary>"1 januari 2025 – 30 juni 2025" in the reader's language.</summary>
    public static string FormatDates(RatingPeriod period, Language language)
    {
        var culture = Languages.CultureFor(null, language);
        return string.Format(culture, PeriodTexts.For(language).Dates, period.StartDate.ToString("d MMMM yyyy", culture), period.EndDate.ToString("d MMMM yyyy", culture));
    }

    private static Dictionary<string, object?> SaveData(PeriodForm form)
    {
        var data = Data(form.PeriodId, form.Version);
        if (form.PeriodId is null)
        {
            // A new period: a second press of this form adds nothing (see AddOnce).
            data[AddOnce.FormIdField] = AddOnce.NewFormId();
        }

        return data;
    }

    private static Dictionary<string, object?> Data(string? periodId, string? version) => new()
    {
        [PeriodForm.PeriodIdField] = periodId ?? string.Empty,
        [PeriodForm.VersionField] = version ?? string.Empty,
    };
}
