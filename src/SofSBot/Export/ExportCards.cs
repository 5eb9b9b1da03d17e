using SofSBot.BotFramework.Cards;
using SofSBot.Localization;
using SofSBot.Ratings;

namespace SofSBot.Export;

/// <summary>The export's card in personal chat: periods and format, then "started".</summary>
internal static class ExportCards
{
    public const string RunVerb = "export.run";
    public const string PeriodsInput = "periods";
    public const string FormatInput = "format";

    /// <summary>The format values of the card's choice (also the CLI's words).</summary>
    public static readonly IReadOnlyDictionary<string, ExportFormat> Formats = new Dictionary<string, ExportFormat>(StringComparer.Ordinal)
    {
        ["xlsx"] = ExportFormat.Xlsx,
        ["csv"] = ExportFormat.Csv,
        ["csv-summary"] = ExportFormat.SummaryCsv,
        ["report"] = ExportFormat.Report,
    };

    public static AdaptiveCard Form(IReadOnlyList<RatingPeriod> periods, Language language, string? error = null)
    {
        var texts = ExportBotTexts.For(language);
        List<CardElement> body =
        [
            TextBlock.Heading(texts.FormTitle),
            new TextBlock(texts.FormIntro),
        ];
        if (error is not null)
        {
            body.Add(new TextBlock(error) { Color = TextColor.Attention });
        }

        body.Add(new InputChoiceSet([.. periods.Reverse().Select(period => new Choice(period.Name, period.PeriodId))])
        {
            Id = PeriodsInput,
            Label = texts.PeriodsLabel,
            IsMultiSelect = true,
            Style = "expanded",
            IsRequired = true,
            ErrorMessage = texts.PeriodsRequired,
            Value = periods.Count > 0 ? periods[^1].PeriodId : null,
        });
        body.Add(new InputChoiceSet(
        [
            new Choice(texts.FormatXlsx, "xlsx"),
            new Choice(texts.FormatCsv, "csv"),
            new Choice(texts.FormatSummaryCsv, "csv-summary"),
            new Choice(texts.FormatReport, "report"),
        ])
        {
            Id = FormatInput,
            Label = texts.FormatLabel,
            Style = "expanded",
            Value = "xlsx",
        });
        return new AdaptiveCard
        {
            Lang = language.Code(),
            Body = body,
            Actions = [ActionExecute.WithSubmitFallback(texts.Start, RunVerb)],
        };
    }

    public static AdaptiveCard Started(string periods, Language language)
    {
        var texts = ExportBotTexts.For(language);
        return new AdaptiveCard
        {
            Lang = language.Code(),
            Body = [TextBlock.Heading(texts.FormTitle), new TextBlock(string.Format(Languages.CultureFor(null, language), texts.Started, Markdown.Escape(periods)))],
        };
    }
}
