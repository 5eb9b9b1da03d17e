using System.Globalization;
using Microsoft.Extensions.Options;
using SofSBot.Localization;
using SofSBot.Ratings;

namespace SofSBot.Export;

/// <summary>
/// Writes the coordinator's export of one or more rating periods. The answers stream from storage
/// straight into the answers sheet (or CSV) while a tally counts them; the summary sheets and the
/// report are written from the tally afterwards. The periods a year earlier are read too, only
/// counted, for the year-over-year changes.
/// </summary>
internal sealed partial class RatingsExporter(
    IRatingPeriodStore periods,
    IRatingRoundStore rounds,
    IExportTeamDirectory teams,
    IPeriodAnswerReader answers,
    RespondentPseudonyms pseudonyms,
    FollowUpReport report,
    IOptions<RatingsOptions> ratingsOptions,
    IOptions<ExportOptions> exportOptions,
    ILogger<RatingsExporter> logger)
{
    private static readonly TimeZoneInfo SwedishTime = TimeZoneInfo.FindSystemTimeZoneById(Scheduling.ScheduleRule.DefaultTimeZoneId);

    private static readonly double[] AnswerColumns = [12, 24, 28, 20, 40, 8, 20, 20];
    private static readonly double[] TeamGoalColumns = [12, 28, 20, 40, 11, 12, 10, 14, 14, 50];
    private static readonly double[] GoalColumns = [12, 20, 40, 11, 12, 10, 14, 14, 50];
    private static readonly double[] ComparisonColumns = [12, 12, 28, 20, 40, 12, 14, 12, 14, 16, 16, 50];
    private static readonly double[] TeamColumns = [12, 40];

    /// <summary>The periods there are, for choosing.</summary>
    public Task<IReadOnlyList<RatingPeriod>> ListPeriodsAsync(CancellationToken cancellationToken) => periods.ListAsync(cancellationToken);

    public async Task<ExportResult> ExportAsync(
        ExportRequest request, Stream output, IProgress<ExportProgress>? progress, CancellationToken cancellationToken)
    {
        var texts = ExportTexts.For(request.Language);
        var allPeriods = await periods.ListAsync(cancellationToken);
        var selection = PeriodSelector.Select(allPeriods, request.Periods);
        if (selection.Unknown.Count > 0 || selection.Periods.Count == 0)
        {
            throw new UnknownPeriodException(UnknownPeriodMessage(texts, selection, allPeriods, request.Language), selection.Unknown);
        }

        var earlier = selection.Periods
            .Select(period => PeriodSelector.YearEarlier(allPeriods, period))
            .OfType<RatingPeriod>()
            .Where(period => !selection.Periods.Contains(period))
            .Distinct()
            .ToList();
        var catalog = await ReadCatalogAsync(allPeriods, [.. selection.Periods, .. earlier], cancellationToken);
        var tally = new ExportTally();
        var tables = new ExportTables(texts, request.Language, CultureFor(request.Language), SwedishTime);
        var threshold = ratingsOptions.Value.AnonymityThreshold;
        var level = exportOptions.Value.ReportLevel;
        var tracker = new ProgressTracker(catalog, [.. selection.Periods, .. earlier], progress);

        ExportSummary summary;
        long exported;
        switch (request.Format)
        {
            case ExportFormat.Xlsx:
            {
                using var workbook = new XlsxWorkbookWriter(output);
                var sheet = workbook.BeginSheet(texts.AnswersSheet, AnswerColumns);
                sheet.WriteRow(tables.AnswersHeader());
                exported = await ReadAsync(selection.Periods, catalog, tally, tracker, tables, sheet, cancellationToken);
                await ReadAsync(earlier, catalog, tally, tracker, tables, null, cancellationToken);
                summary = ExportSummary.Build(catalog, tally, selection.Periods, threshold, level);
                WriteTable(workbook.BeginSheet(texts.TeamGoalsSheet, TeamGoalColumns), tables.FiguresHeader(true, level), tables.FiguresRows(summary.TeamGoals, true, threshold));
                WriteTable(workbook.BeginSheet(texts.GoalsSheet, GoalColumns), tables.FiguresHeader(false, level), tables.FiguresRows(summary.Goals, false, threshold));
                WriteTable(workbook.BeginSheet(texts.ComparisonSheet, ComparisonColumns), tables.ComparisonHeader(level), tables.ComparisonRows(summary));
                WriteTable(workbook.BeginSheet(texts.TeamsWithoutAnswersSheet, TeamColumns), tables.TeamsWithoutAnswersHeader(), ExportTables.TeamsWithoutAnswersRows(summary));
                break;
            }

            case ExportFormat.Csv:
            {
                using var csv = new SwedishCsvWriter(output);
                csv.WriteRow(tables.AnswersHeader());
                exported = await ReadAsync(selection.Periods, catalog, tally, tracker, tables, csv, cancellationToken);
                summary = ExportSummary.Build(catalog, tally, selection.Periods, threshold, level);
                break;
            }

            case ExportFormat.SummaryCsv:
            {
                exported = await ReadAsync(selection.Periods, catalog, tally, tracker, tables, null, cancellationToken);
                summary = ExportSummary.Build(catalog, tally, selection.Periods, threshold, level);
                using var csv = new SwedishCsvWriter(output);
                WriteTable(csv, tables.FiguresHeader(true, level), tables.FiguresRows(summary.TeamGoals, true, threshold));
                break;
            }

            default:
            {
                await ReadAsync([.. selection.Periods, .. earlier], catalog, tally, tracker, tables, null, cancellationToken);
                exported = selection.Periods.Sum(period => tally.AnswersOf(period.PeriodId));
                summary = ExportSummary.Build(catalog, tally, selection.Periods, threshold, level);
                var history = ExportSummary.Build(catalog, tally, [.. selection.Periods.Concat(earlier).OrderBy(period => period.StartDate)], threshold, level);
                await report.WriteAsync(summary, history, request.Language, output, cancellationToken);
                break;
            }
        }

        LogExported(request.Format, selection.Periods.Count, tally.Answers);
        return new ExportResult(selection.Periods, exported, tally.Answers, summary);
    }

    private async Task<ExportCatalog> ReadCatalogAsync(
        IReadOnlyList<RatingPeriod> allPeriods, IReadOnlyList<RatingPeriod> read, CancellationToken cancellationToken)
    {
        var teamList = await teams.ListAsync(cancellationToken);
        var periodIds = read.Select(period => period.PeriodId).ToHashSet(StringComparer.Ordinal);
        var periodRounds = new List<RatingRound>();
        foreach (var team in teamList)
        {
            periodRounds.AddRange((await rounds.ListForTeamAsync(team.TeamId, cancellationToken)).Where(round => periodIds.Contains(round.PeriodId)));
        }

        return new ExportCatalog(allPeriods, teamList, periodRounds);
    }

    /// <returns>The answers read.</returns>
    private async Task<long> ReadAsync(
        IReadOnlyList<RatingPeriod> read,
        ExportCatalog catalog,
        ExportTally tally,
        ProgressTracker tracker,
        ExportTables tables,
        IExportTableWriter? answerSink,
        CancellationToken cancellationToken)
    {
        long count = 0;
        foreach (var period in read)
        {
            var year = period.StartDate.Year;
            await foreach (var answer in answers.ReadAsync(period.PeriodId, cancellationToken))
            {
                tally.Add(answer);
                answerSink?.WriteRow(tables.AnswerRow(answer, period, catalog, pseudonyms.For(year, answer.UserId)));
                tracker.Read(period, answer);
                count++;
            }

            tracker.Finished(period);
        }

        return count;
    }

    private static void WriteTable(IExportTableWriter writer, IReadOnlyList<ExportCell> header, IEnumerable<IReadOnlyList<ExportCell>> rows)
    {
        writer.WriteRow(header);
        foreach (var row in rows)
        {
            writer.WriteRow(row);
        }
    }

    private static string UnknownPeriodMessage(ExportTexts texts, PeriodSelection selection, IReadOnlyList<RatingPeriod> all, Language language)
    {
        var culture = CultureFor(language);
        var unknown = selection.Unknown.Count > 0 ? string.Join(", ", selection.Unknown) : "–";
        var available = all.Count == 0
            ? texts.NoPeriods
            : string.Format(culture, texts.AvailablePeriods, string.Join(", ", all.Select(period => $"{PeriodSelector.Handle(all, period)} ({period.Name})")));
        return string.Format(culture, texts.UnknownPeriods, unknown) + " " + available;
    }

    private static CultureInfo CultureFor(Language language) => Languages.CultureFor(null, language);

    [LoggerMessage(Level = LogLevel.Information, Message = "Exported {Format} of {PeriodCount} periods: {Answers} answers read")]
    private partial void LogExported(ExportFormat format, int periodCount, long answers);

    /// <summary>Reports progress every 500 answers and at each period's end, by the team partitions done of those expected.</summary>
    private sealed class ProgressTracker(ExportCatalog catalog, IReadOnlyList<RatingPeriod> read, IProgress<ExportProgress>? progress)
    {
        private const int ReportEvery = 500;

        // A period's partitions: one per known team (teams never installed but with answers are not foreseen).
        private readonly int[] _expected = [.. read.Select(period =>
            Math.Max(1, catalog.Teams.Select(team => team.TeamId).Concat(catalog.TeamsAsked(period.PeriodId)).Distinct(StringComparer.Ordinal).Count()))];

        private long _answers;
        private int _finished;
        private int _inPeriod;
        private string? _teamId;

        public void Read(RatingPeriod period, ExportAnswer answer)
        {
            _answers++;
            if (_teamId is not null && _teamId != answer.TeamId)
            {
                _inPeriod = Math.Min(_inPeriod + 1, _expected[Index(period)] - 1);
            }

            _teamId = answer.TeamId;
            if (_answers % ReportEvery == 0)
            {
                Report(period);
            }
        }

        public void Finished(RatingPeriod period)
        {
            _finished += _expected[Index(period)];
            _inPeriod = 0;
            _teamId = null;
            Report(null);
        }

        private int Index(RatingPeriod period)
        {
            for (var i = 0; i < read.Count; i++)
            {
                if (read[i] == period)
                {
                    return i;
                }
            }

            return 0;
        }

        private void Report(RatingPeriod? current)
        {
            var total = _expected.Sum();
            var done = _finished + (current is null ? 0 : _inPeriod);
            progress?.Report(new ExportProgress(_answers, Math.Min(1.0, (double)done / total)));
        }
    }
}
