using System.Globalization;
using SofSBot.Localization;
using SofSBot.Ratings;
using SofSBot.Ratings.Disclosure;

namespace SofSBot.Export;

/// <summary>The exported tables' headings and rows, the same for the workbook and the CSV files.</summary>
internal sealed class ExportTables(ExportTexts texts, Language language, CultureInfo culture, TimeZoneInfo timeZone)
{
    public ExportTexts Texts => texts;

    public IReadOnlyList<ExportCell> AnswersHeader() =>
        Header(texts.Period, texts.Round, texts.Team, texts.GoalId, texts.Goal, texts.Value, texts.AnsweredAt, texts.Respondent);

    public IReadOnlyList<ExportCell> AnswerRow(ExportAnswer answer, RatingPeriod period, ExportCatalog catalog, string respondent) =>
    [
        ExportCell.Of(period.Name),
        ExportCell.Of(answer.RoundId),
        ExportCell.Of(catalog.Team(answer.TeamId).Name),
        ExportCell.Of(answer.GoalId),
        ExportCell.Of(ExportCatalog.Title(catalog.Goal(answer.GoalId), language)),
        ExportCell.Of(answer.Value),
        // The day only: a time to the minute could tell who answered (the one who answered at 14:05).
        ExportCell.Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(answer.AnsweredAt, timeZone).DateTime)),
        ExportCell.Of(respondent),
    ];

    public IReadOnlyList<ExportCell> FiguresHeader(bool withTeam, int level) =>
        Header([texts.Period, .. withTeam ? [texts.Team] : (string[])[], texts.GoalId, texts.Goal, texts.Answers, texts.Mean, texts.Median,
            Format(texts.ShareAtOrAbove, level), texts.ResponseRate, texts.Note]);

    public IEnumerable<IReadOnlyList<ExportCell>> FiguresRows(IEnumerable<GoalFigures> figures, bool withTeam, int threshold) =>
        figures.Select(figure => (IReadOnlyList<ExportCell>)
        [
            ExportCell.Of(figure.Period.Name),
            .. withTeam ? [ExportCell.Of(figure.Team?.Name ?? texts.Organisation)] : (ExportCell[])[],
            ExportCell.Of(figure.Goal.GoalId),
            ExportCell.Of(ExportCatalog.Title(figure.Goal, language)),
            Count(figure.Result, threshold),
            ExportCell.Decimal(figure.Result.Mean),
            ExportCell.Decimal(figure.Result.Median),
            ExportCell.Percent(figure.ShareAtOrAbove),
            ExportCell.Percent(figure.Result.ResponseRate),
            ExportCell.Of(Note(figure.Result.Suppression, figure.Team is not null, threshold)),
        ]);

    /// <summary>The answers shown exactly, "&lt; 3" below the threshold, nothing for a total that would give a small group away.</summary>
    private ExportCell Count(GoalResult result, int threshold) => result.Suppression switch
    {
        Suppression.None or Suppression.NoAnswers => ExportCell.Of(result.Respondents),
        _ => ExportCell.Of(StatisticalDisclosure.CountText(result.Respondents, result.Suppression, threshold, culture)),
    };

    private string? Note(Suppression suppression, bool isTeam, int threshold) => suppression switch
    {
        Suppression.None => null,
        Suppression.NoAnswers => texts.NoAnswers,
        Suppression.ProtectsSmallGroup => Format(isTeam ? texts.WithheldRounds : texts.WithheldTotal, threshold),
        _ => Format(texts.Withheld, threshold),
    };

    public IReadOnlyList<ExportCell> ComparisonHeader(int level) =>
        Header(texts.Period, texts.ComparedWith, texts.Team, texts.GoalId, texts.Goal, texts.MeanNow, texts.MeanBefore, texts.MeanChange,
            Format(texts.ShareNow, level), Format(texts.ShareBefore, level), texts.ShareChange, texts.Note);

    public IEnumerable<IReadOnlyList<ExportCell>> ComparisonRows(ExportSummary summary) =>
        summary.Changes.Select(change => (IReadOnlyList<ExportCell>)
        [
            ExportCell.Of(change.Now.Period.Name),
            ExportCell.Of(change.Before.Period.Name),
            ExportCell.Of(change.Now.Team?.Name ?? texts.Organisation),
            ExportCell.Of(change.Now.Goal.GoalId),
            ExportCell.Of(ExportCatalog.Title(change.Now.Goal, language)),
            ExportCell.Decimal(change.Now.Result.Mean),
            ExportCell.Decimal(change.Before.Result.Mean),
            ExportCell.Change(change.MeanChange),
            ExportCell.Percent(change.Now.ShareAtOrAbove),
            ExportCell.Percent(change.Before.ShareAtOrAbove),
            ExportCell.PercentChange(change.ShareChange),
            ExportCell.Of(change.MayCompare ? null : Format(texts.WithheldComparison, summary.Threshold)),
        ]);

    public IReadOnlyList<ExportCell> TeamsWithoutAnswersHeader() => Header(texts.Period, texts.Team);

    public static IEnumerable<IReadOnlyList<ExportCell>> TeamsWithoutAnswersRows(ExportSummary summary) =>
        summary.TeamsWithoutAnswers.Select(entry => (IReadOnlyList<ExportCell>)[ExportCell.Of(entry.Period.Name), ExportCell.Of(entry.Team.Name)]);

    private string Format(string template, int number) => string.Format(culture, template, number);

    private static ExportCell[] Header(params string[] names) => [.. names.Select(ExportCell.Of)];
}
