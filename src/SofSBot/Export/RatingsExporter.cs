using System.Globalization;
using Microsoft.Extensions.Options;
using SofSBot.Localization;
using SofSBot.Ratings;

namespace SofSBot.Export;

/// <summary>
/// Writes the coordinator's export of one or more rating periods. The answers stream from storage
/// into a tally (the periods a year earlier too, for the year-over-year changes); the summary sheets
/// and the report are written from it with <see cref="Ratings.Disclosure.StatisticalDisclosure"/>
/// applied, and for the answers sheet (or CSV) the answers are streamed a second time, keeping only
/// the rows of groups whose figures are shown. Memory stays independent of the number of answers.
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
    TimeProvider time,
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
        var withRows = request.Format is ExportFormat.Xlsx or ExportFormat.Csv;
        var tracker = new ProgressTracker(catalog, [.. selection.Periods, .. earlier, .. withRows ? selection.Periods : []], progress);

        // First everything is counted; the answer rows are read again afterwards and written only
        // where the figures are shown (which depends on every team's count). A round still taking
        // answers is left out: two exports around one answer would show that answer.
        var now = time.GetUtcNow();
        var open = catalog.Rounds.Where(round => round.AcceptsAnswers(now)).Select(round => (round.TeamId, round.RoundId)).ToHashSet();
        await ReadAsync([.. selection.Periods, .. earlier], open, tally, tracker, cancellationToken);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, SwedishTime).Date);
        var periodsTakingAnswers = catalog.Rounds.Where(round => open.Contains((round.TeamId, round.RoundId))).Select(round => round.PeriodId).ToHashSet(StringComparer.Ordinal);
        bool IsSettled(RatingPeriod period) => period.EndDate < today && !periodsTakingAnswers.Contains(period.PeriodId);
        var summary = ExportSummary.Build(catalog, tally, selection.Periods, threshold, level, IsSettled);
        switch (request.Format)
        {
            case ExportFormat.Xlsx:
            {
                using var workbook = new XlsxWorkbookWriter(output);
                var sheet = workbook.BeginSheet(texts.AnswersSheet, AnswerColumns);
                sheet.WriteRow(tables.AnswersHeader());
                await WriteAnswersAsync(selection.Periods, open, catalog, summary, tracker, tables, sheet, cancellationToken);
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
                await WriteAnswersAsync(selection.Periods, open, catalog, summary, tracker, tables, csv, cancellationToken);
                break;
            }

            case ExportFormat.SummaryCsv:
            {
                using var csv = new SwedishCsvWriter(output);
                WriteTable(csv, tables.FiguresHeader(true, level), tables.FiguresRows(summary.TeamGoals, true, threshold));
                break;
            }

            default:
            {
                var history = ExportSummary.Build(catalog, tally, [.. selection.Periods.Concat(earlier).OrderBy(period => period.StartDate)], threshold, level, IsSettled);
                await report.WriteAsync(summary, history, request.Language, output, cancellationToken);
                break;
            }
        }

        // What the export holds: the answers whose figures are shown (the answer rows, when written).
        var exported = summary.ShownAnswers;
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

    /// <summary>Counts every answer of the periods but those of rounds still open.</summary>
    private async Task ReadAsync(
        IReadOnlyList<RatingPeriod> read, HashSet<(string TeamId, string RoundId)> open, ExportTally tally, ProgressTracker tracker, CancellationToken cancellationToken)
    {
        foreach (var period in read)
        {
            await foreach (var answer in answers.ReadAsync(period.PeriodId, cancellationToken))
            {
                if (open.Contains((answer.TeamId, answer.RoundId)))
                {
                    tally.AddOpen(answer);
                }
                else
                {
                    tally.Add(answer);
                }

                tracker.Read(period, answer, counted: true);
            }

            tracker.Finished(period);
        }
    }

    /// <summary>Writes the answer rows of the groups whose figures are shown, with yearly pseudonyms.</summary>
    private async Task WriteAnswersAsync(
        IReadOnlyList<RatingPeriod> read,
        HashSet<(string TeamId, string RoundId)> open,
        ExportCatalog catalog,
        ExportSummary summary,
        ProgressTracker tracker,
        ExportTables tables,
        IExportTableWriter sink,
        CancellationToken cancellationToken)
    {
        foreach (var period in read)
        {
            var year = period.StartDate.Year;
            await foreach (var answer in answers.ReadAsync(period.PeriodId, cancellationToken))
            {
                if (!open.Contains((answer.TeamId, answer.RoundId)) && summary.ShowsAnswersOf(answer.PeriodId, answer.TeamId, answer.GoalId))
                {
                    sink.WriteRow(tables.AnswerRow(answer, period, catalog, pseudonyms.For(year, answer.UserId)));
                }

                tracker.Read(period, answer, counted: false);
            }

            tracker.Finished(period);
        }
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
        private const int ShownCountStep = 100;

        // A period's partitions: one per known team (teams never installed but with answers are not foreseen).
        private readonly int[] _expected = [.. read.Select(period =>
            Math.Max(1, catalog.Teams.Select(team => team.TeamId).Concat(catalog.TeamsAsked(period.PeriodId)).Distinct(StringComparer.Ordinal).Count()))];

        private long _answers;
        private long _rows;
        private int _finished;
        private int _inPeriod;
        private string? _teamId;

        /// <param name="counted">False when the answer is read a second time (to write its row).</param>
        public void Read(RatingPeriod period, ExportAnswer answer, bool counted)
        {
            _rows++;
            if (counted)
            {
                _answers++;
            }

            if (_teamId is not null && _teamId != answer.TeamId)
            {
                _inPeriod = Math.Min(_inPeriod + 1, _expected[Index(period)] - 1);
            }

            _teamId = answer.TeamId;
            if (_rows % ReportEvery == 0)
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
            // Whole hundreds only: all answers read, less the rows exported, would tell how many
            // answers the teams below the threshold gave.
            progress?.Report(new ExportProgress(_answers - (_answers % ShownCountStep), Math.Min(1.0, (double)done / total)));
        }
    }
}
