using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text;
using Microsoft.Extensions.Options;
using SofSBot.Localization;
using SofSBot.Ratings;
using SofSBot.Ratings.Disclosure;

namespace SofSBot.Export;

/// <summary>
/// The yearly follow-up: one self-contained HTML file (charts as embedded PNG, styles inline, no
/// address outside the file) that prints to A4 PDF from any browser. It compares the periods
/// exported with the same periods a year earlier.
/// </summary>
internal sealed class FollowUpReport(IOptions<ExportOptions> options, TimeProvider time)
{
    private const string Style = """
        body { font-family: "Segoe UI", "DejaVu Sans", Arial, sans-serif; color: #1b1b1b; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.4; }
        h1 { font-size: 1.7rem; margin-bottom: 0.2rem; } h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
        .subtle { color: #555; } .met { color: #1e6b2e; font-weight: 600; } .not-met { color: #a4262c; font-weight: 600; }
        .figures { display: flex; flex-wrap: wrap; gap: 1rem; } .figure { border: 1px solid #ddd; border-radius: 6px; padding: 0.6rem 1rem; min-width: 11rem; }
        .figure .value { font-size: 1.6rem; font-weight: 600; }
        table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; font-size: 0.9rem; } th, td { border-bottom: 1px solid #ddd; padding: 0.25rem 0.5rem; text-align: left; }
        td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
        figure { margin: 1rem 0; } figure img { max-width: 100%; height: auto; } figcaption { font-size: 0.9rem; color: #555; }
        @page { size: A4; margin: 15mm; }
        @media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } figure, table, .figures { break-inside: avoid; } a { color: inherit; text-decoration: none; } }
        """;

    public async Task WriteAsync(ExportSummary summary, ExportSummary history, Language language, Stream output, CancellationToken cancellationToken)
    {
        var html = Render(summary, history, language);
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        await writer.WriteAsync(html.AsMemory(), cancellationToken);
    }

    public string Render(ExportSummary summary, ExportSummary history, Language language)
    {
        var texts = ReportTexts.For(language);
        var culture = Languages.CultureFor(null, language);
        var level = options.Value.ReportLevel;
        var target = options.Value.ReportTarget;
        var periodNames = string.Join(", ", summary.Periods.Select(period => period.Name));
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"{language.Code()}\"><head><meta charset=\"utf-8\">");
        html.Append(CultureInfo.InvariantCulture, $"<title>{Encode(texts.Title)}: {Encode(periodNames)}</title><style>{Style}</style></head><body>");
        html.Append(CultureInfo.InvariantCulture, $"<h1>{Encode(texts.Title)}</h1><p class=\"subtle\">{Encode(periodNames)} · {Encode(string.Format(culture, texts.Generated, time.GetLocalNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))}</p>");
        html.Append(CultureInfo.InvariantCulture, $"<p>{Encode(string.Format(culture, texts.Intro, summary.Threshold))}</p>");

        foreach (var period in summary.Periods)
        {
            AppendKeyFigures(html, summary, period, texts, culture, level, target);
        }

        AppendGoalsOverTime(html, history, texts, culture, language, level, target);
        foreach (var period in summary.Periods)
        {
            AppendTeams(html, summary, period, texts, culture);
        }

        html.Append("</body></html>");
        return html.ToString();
    }

    private static void AppendKeyFigures(
        StringBuilder html, ExportSummary summary, RatingPeriod period, ReportTexts texts, CultureInfo culture, int level, double target)
    {
        var goals = summary.Goals.Where(figure => figure.Period == period).ToList();
        var organisationGoals = goals.Where(figure => figure.Goal.Kind == GoalKind.Organisation && !figure.Result.Withheld).ToList();
        var answers = organisationGoals.Sum(figure => figure.Result.Respondents);
        double? overallMean = answers > 0 ? organisationGoals.Sum(figure => figure.Result.Mean!.Value * figure.Result.Respondents) / answers : null;
        double? overallShare = answers > 0 ? organisationGoals.Sum(figure => figure.ShareAtOrAbove!.Value * figure.Result.Respondents) / answers : null;
        // The disclosed total: withheld when it would give a small team away by subtraction.
        var responseRate = summary.ResponseTotalOf(period)?.Rate;

        html.Append(CultureInfo.InvariantCulture, $"<h2>{Encode(texts.KeyFigures)}: {Encode(period.Name)}</h2><div class=\"figures\">");
        AppendFigure(html, texts.OverallMean, Mean(overallMean, texts, culture), null);
        foreach (var overall in goals.Where(figure => figure.Goal.Kind == GoalKind.Overall))
        {
            AppendFigure(html, ExportCatalog.Title(overall.Goal, Language(culture)), Mean(overall.Result.Mean, texts, culture), null);
        }

        AppendFigure(html, texts.ResponseRate, Percent(responseRate, texts, culture), null);
        var met = overallShare >= target;
        AppendFigure(
            html,
            string.Format(culture, texts.ShareAtOrAbove, level),
            Percent(overallShare, texts, culture),
            overallShare is null ? null : $"{Encode(string.Format(culture, texts.Target, Percent(target, texts, culture)))} · <span class=\"{(met ? "met" : "not-met")}\">{Encode(met ? texts.TargetMet : texts.TargetNotMet)}</span>");
        html.Append("</div>");

        var shown = goals.Where(figure => figure.Goal.Kind != GoalKind.Team).ToList();
        if (shown.Count > 0)
        {
            var chart = ReportCharts.GroupedBars(
                [.. shown.Select(figure => ExportCatalog.Title(figure.Goal, Language(culture)))],
                [new ChartSeries(period.Name, [.. shown.Select(figure => figure.ShareAtOrAbove * 100)])],
                100,
                target * 100,
                value => value.ToString("0", culture) + " %");
            AppendChart(html, chart, string.Format(culture, texts.ShareChart, level));
        }
    }

    private static void AppendGoalsOverTime(
        StringBuilder html, ExportSummary history, ReportTexts texts, CultureInfo culture, Language language, int level, double target)
    {
        var goals = history.Goals.Where(figure => figure.Goal.Kind != GoalKind.Team)
            .Select(figure => figure.Goal).DistinctBy(goal => goal.GoalId).OrderBy(goal => goal.Order).ToList();
        if (goals.Count == 0)
        {
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<h2>{Encode(texts.GoalsOverTime)}</h2>");
        var series = history.Periods.Select(period => new ChartSeries(period.Name, [.. goals.Select(goal =>
            history.Goals.FirstOrDefault(figure => figure.Period == period && figure.Goal.GoalId == goal.GoalId)?.Result.Mean)])).ToList();
        AppendChart(
            html,
            ReportCharts.GroupedBars([.. goals.Select(goal => ExportCatalog.Title(goal, language))], series, 10, label: value => value.ToString("0.0", culture)),
            texts.GoalsOverTimeChart);

        html.Append("<table><thead><tr><th></th>");
        foreach (var period in history.Periods)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th class=\"number\">{Encode(period.Name)}</th><th class=\"number\">{Encode(string.Format(culture, texts.ShareAtOrAbove, level))}</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var goal in goals)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(ExportCatalog.Title(goal, language))}</td>");
            foreach (var period in history.Periods)
            {
                var figure = history.Goals.FirstOrDefault(f => f.Period == period && f.Goal.GoalId == goal.GoalId);
                var share = figure?.ShareAtOrAbove;
                var shareClass = share is null ? string.Empty : share >= target ? " met" : " not-met";
                html.Append(CultureInfo.InvariantCulture, $"<td class=\"number\">{Encode(Mean(figure?.Result.Mean, texts, culture))}</td><td class=\"number{shareClass}\">{Encode(Percent(share, texts, culture))}</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
    }

    private static void AppendTeams(StringBuilder html, ExportSummary summary, RatingPeriod period, ReportTexts texts, CultureInfo culture)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h2>{Encode(texts.Teams)}: {Encode(period.Name)}</h2>");
        var teamMeans = summary.TeamGoals
            .Where(figure => figure.Period == period && figure.Team is not null && figure.Goal.Kind == GoalKind.Organisation && !figure.Result.Withheld)
            .GroupBy(figure => figure.Team!.TeamId)
            .Select(group => (Team: group.First().Team!.Name, Mean: group.Sum(f => f.Result.Mean!.Value * f.Result.Respondents) / group.Sum(f => f.Result.Respondents)))
            .ToList();
        if (teamMeans.Count > 0)
        {
            AppendChart(html, ReportCharts.HorizontalBars([.. teamMeans.Select(t => t.Team)], [.. teamMeans.Select(t => t.Mean)], 10), texts.TeamsChart);
        }

        html.Append(CultureInfo.InvariantCulture, $"<h3>{Encode(texts.ResponseRates)}</h3><table><thead><tr><th></th><th class=\"number\">{Encode(texts.Respondents)}</th><th class=\"number\">{Encode(texts.Members)}</th><th class=\"number\">{Encode(texts.ResponseRate)}</th></tr></thead><tbody>");
        foreach (var response in summary.Responses.Where(response => response.Period == period))
        {
            var respondents = StatisticalDisclosure.CountText(response.Respondents, response.Suppression, summary.Threshold, culture) ?? texts.Withheld;
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(response.Team.Name)}</td><td class=\"number\">{Encode(respondents)}</td><td class=\"number\">{Encode(response.RosterSize?.ToString(culture) ?? texts.Unknown)}</td><td class=\"number\">{Encode(Percent(response.Rate, texts, culture))}</td></tr>");
        }

        html.Append("</tbody></table>");
        var without = summary.TeamsWithoutAnswers.Where(entry => entry.Period == period).Select(entry => entry.Team.Name).ToList();
        html.Append(CultureInfo.InvariantCulture, $"<h3>{Encode(texts.TeamsWithoutAnswers)}</h3><p>{Encode(without.Count == 0 ? texts.None : string.Join(", ", without))}</p>");
    }

    private static void AppendFigure(StringBuilder html, string label, string value, string? noteHtml)
    {
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"figure\"><div class=\"subtle\">{Encode(label)}</div><div class=\"value\">{Encode(value)}</div>");
        if (noteHtml is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div>{noteHtml}</div>");
        }

        html.Append("</div>");
    }

    private static void AppendChart(StringBuilder html, byte[] png, string caption) =>
        html.Append(CultureInfo.InvariantCulture, $"<figure><img alt=\"{Encode(caption)}\" src=\"data:image/png;base64,{Convert.ToBase64String(png)}\"><figcaption>{Encode(caption)}</figcaption></figure>");

    private static string Mean(double? value, ReportTexts texts, CultureInfo culture) => value?.ToString("0.0", culture) ?? texts.Withheld;

    // "75 %" as Swedish writes it; the invariant minus keeps negative numbers readable everywhere.
    private static string Percent(double? value, ReportTexts texts, CultureInfo culture) =>
        value is { } share ? (share * 100).ToString("0", culture) + (culture.TwoLetterISOLanguageName == "sv" ? " %" : "%") : texts.Withheld;

    private static Language Language(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en" ? Localization.Language.English : Localization.Language.Swedish;

    // Escapes markup only; å, ä, ö and the rest stay readable in the file.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private static string Encode(string text) => Html.Encode(text);
}
