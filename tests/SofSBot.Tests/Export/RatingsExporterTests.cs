using System.Text;
using SofSBot.Export;
using SofSBot.Localization;
using SofSBot.Tests.Infrastructure;
using SofSBot.TestSupport;

namespace SofSBot.Tests.Export;

/// <summary>The export against Azurite, on <see cref="ExportDataset"/>: what the coordinator opens in Excel.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RatingsExporterTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Workbook_has_the_five_sheets_and_one_answer_row_per_answer_with_a_pseudonym_and_no_user_id()
    {
        await using var app = await SeededAppAsync();

        var bytes = await ExportAsync(app, ExportFormat.Xlsx, "2025-var");

        Assert.Empty(Workbook.Validate(bytes));
        var workbook = Workbook.Read(bytes);
        Assert.Equal(["Svar", "Per team och mål", "Per mål", "Jämförelse", "Team utan svar"], workbook.SheetNames);
        var answers = workbook["Svar"];
        Assert.Equal(["Period", "Omgång", "Team", "Mål-id", "Mål", "Värde", "Besvarad (dag, svensk tid)", "Respondent (pseudonym)"], answers[0]);
        // Team 2's two answers are below the threshold: no rows.
        Assert.Equal(4 + 3, answers.Count - 1);
        Assert.DoesNotContain(answers, cells => cells[2] == "Utredningsteam 2");
        var row = workbook.Row("Svar", "2025 vår", "r-2025-1-t1", "Utredningsteam 1", ExportDataset.Approach, "Förhållningssätt", "7");
        // 2025-03-12 13:05 UTC, shown as the day only (an Excel date number): a time could tell who answered.
        Assert.Equal(new DateTime(2025, 3, 12), DateTime.FromOADate(Workbook.Number(row[6])));
        Assert.Matches("^[0-9a-f]{16}$", row[7]);
        Assert.DoesNotContain(answers.SelectMany(cells => cells), cell => cell?.Contains("user-", StringComparison.Ordinal) == true);
        // One respondent, one key: user a's two answers carry the same pseudonym.
        Assert.Equal(4, answers.Skip(1).Where(cells => cells[2] == "Utredningsteam 1").Select(cells => cells[7]).Distinct().Count());
    }

    [Fact]
    public async Task Per_team_and_goal_has_the_figures_and_blanks_a_team_below_the_threshold_with_a_note()
    {
        await using var app = await SeededAppAsync();

        var workbook = Workbook.Read(await ExportAsync(app, ExportFormat.Xlsx, "2025-1"));

        var sheet = workbook["Per team och mål"];
        Assert.Equal(["Period", "Team", "Mål-id", "Mål", "Antal svar", "Medelvärde", "Median", "Andel svar 7 eller högre", "Svarsfrekvens", "Anmärkning"], sheet[0]);
        var team1 = workbook.Row("Per team och mål", "2025 vår", "Utredningsteam 1", ExportDataset.Approach);
        Assert.Equal("4", team1[4]);
        Assert.Equal(7.5, Workbook.Number(team1[5]));
        Assert.Equal(7.5, Workbook.Number(team1[6]));
        Assert.Equal(0.75, Workbook.Number(team1[7]));
        Assert.Equal(0.8, Workbook.Number(team1[8]));

        var team2 = workbook.Row("Per team och mål", "2025 vår", "Utredningsteam 2", ExportDataset.Approach);
        Assert.Equal("< 3", team2[4]);
        Assert.All(team2.Skip(5).Take(4), Assert.Null);
        Assert.Equal("Färre än 3 svar: visas inte, för att ingen ska kunna räknas ut.", team2[9]);

        // Team 3 had a round and nobody answered: it is listed, with nothing shown.
        var team3 = workbook.Row("Per team och mål", "2025 vår", "Familjeteamet", ExportDataset.Approach);
        Assert.Equal("0", team3[4]);
        Assert.Null(team3[5]);
        Assert.Equal(["Familjeteamet"], workbook["Team utan svar"].Skip(1).Select(cells => cells[1]));
    }

    [Fact]
    public async Task Per_goal_counts_the_whole_organisation()
    {
        await using var app = await SeededAppAsync();

        var workbook = Workbook.Read(await ExportAsync(app, ExportFormat.Xlsx, "2025-1"));

        // 7, 8, 6, 9 (team 1) and 5, 6 (team 2): the six answers less team 1's four would give team 2's
        // two, so the organisation's figures of the approach are not shown.
        var approach = workbook.Row("Per mål", "2025 vår", ExportDataset.Approach);
        Assert.All(approach.Skip(3).Take(5), Assert.Null);
        Assert.Equal("Visas inte: summan minus teamen som visas skulle ge svaren från färre än 3 i andra team.", approach[8]);

        // The overall question only team 1 answered (8, 8, 9): nothing hidden to give away.
        var self = workbook.Row("Per mål", "2025 vår", ExportDataset.Self);
        Assert.Equal("3", self[3]);
        Assert.Equal(25 / 3.0, Workbook.Number(self[4]), 6);
        Assert.Equal(1.0, Workbook.Number(self[6]));
        Assert.Equal(0.2, Workbook.Number(self[7]));
        Assert.DoesNotContain(workbook["Per mål"], cells => cells[1]?.StartsWith("team-", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Comparison_shows_the_change_against_the_same_period_a_year_earlier()
    {
        await using var app = await SeededAppAsync();

        var workbook = Workbook.Read(await ExportAsync(app, ExportFormat.Xlsx, "2025-1"));

        // Team 1: 7,5 now against 6,0 in 2024 vår; at 7 or more 75 % against 33 %.
        var team1 = workbook.Row("Jämförelse", "2025 vår", "2024 vår", "Utredningsteam 1", ExportDataset.Approach);
        Assert.Equal(7.5, Workbook.Number(team1[5]));
        Assert.Equal(6.0, Workbook.Number(team1[6]));
        Assert.Equal(1.5, Workbook.Number(team1[7]));
        Assert.Equal(0.75 - (1 / 3.0), Workbook.Number(team1[10]), 6);

        // Team 2 is below the threshold now: no change shown, and why.
        var team2 = workbook.Row("Jämförelse", "2025 vår", "2024 vår", "Utredningsteam 2", ExportDataset.Approach);
        Assert.Null(team2[7]);
        Assert.Equal("Färre än 3 svar, eller en summa som skulle avslöja en sådan grupp, ett av åren: ingen jämförelse.", team2[11]);

        // The organisation's 2025 figure would give team 2 away (see Per mål): no change either.
        var organisation = workbook.Row("Jämförelse", "2025 vår", "2024 vår", "Hela organisationen", ExportDataset.Approach);
        Assert.Null(organisation[5]);
        Assert.Equal(6.0, Workbook.Number(organisation[6]));
        Assert.Null(organisation[7]);
    }

    [Fact]
    public async Task Csv_of_the_answers_opens_in_Swedish_Excel_bom_semicolons_iso_times()
    {
        await using var app = await SeededAppAsync();

        var bytes = await ExportAsync(app, ExportFormat.Csv, "2025-1");

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal("Period;Omgång;Team;Mål-id;Mål;Värde;Besvarad (dag, svensk tid);Respondent (pseudonym)", lines[0]);
        // Team 2's two answers are below the threshold: no rows.
        Assert.Equal(1 + 7 + 1, lines.Length);
        Assert.Equal("", lines[^1]);
        var row = Assert.Single(lines, line => line.StartsWith("2025 vår;r-2025-1-t1;Utredningsteam 1;forhallningssatt;Förhållningssätt;7;", StringComparison.Ordinal));
        Assert.Matches("^2025 vår;r-2025-1-t1;Utredningsteam 1;forhallningssatt;Förhållningssätt;7;2025-03-12;[0-9a-f]{16}$", row);
    }

    [Fact]
    public async Task Csv_of_the_figures_writes_decimal_commas()
    {
        await using var app = await SeededAppAsync();

        var text = Encoding.UTF8.GetString(await ExportAsync(app, ExportFormat.SummaryCsv, "2025-1"));

        var lines = text.TrimStart('\uFEFF').Split("\r\n");
        Assert.Equal("Period;Team;Mål-id;Mål;Antal svar;Medelvärde;Median;Andel svar 7 eller högre;Svarsfrekvens;Anmärkning", lines[0]);
        Assert.Contains("2025 vår;Utredningsteam 1;forhallningssatt;Förhållningssätt;4;7,5;7,5;75,0;80,0;", lines);
        Assert.Contains("2025 vår;Utredningsteam 2;forhallningssatt;Förhållningssätt;< 3;;;;;Färre än 3 svar: visas inte, för att ingen ska kunna räknas ut.", lines);
    }

    [Fact]
    public async Task Unknown_period_is_refused_naming_the_periods_there_are()
    {
        await using var app = await SeededAppAsync();

        var refused = await Assert.ThrowsAsync<UnknownPeriodException>(() => ExportAsync(app, ExportFormat.Xlsx, "2025-1", "2023-host"));

        Assert.Equal(["2023-host"], refused.Unknown);
        Assert.Contains("2024-var (2024 vår), 2025-var (2025 vår), 2025-host (2025 höst)", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_reaches_the_end_and_counts_every_answer_read()
    {
        await using var app = await SeededAppAsync();
        var reports = new List<ExportProgress>();

        await using var output = new MemoryStream();
        var result = await app.GetService<RatingsExporter>().ExportAsync(
            new ExportRequest(["2025-1", "2025-2"], ExportFormat.Xlsx), output, new SynchronousProgress(reports.Add), default);

        // 2025 vår's 7 answers of team 1 exported (team 2's 2 and 2025 höst's 1 are below the
        // threshold); all 10 read, and 2024 vår's 3 for the comparison.
        Assert.Equal(7, result.Answers);
        Assert.Equal(13, result.AnswersRead);
        Assert.Equal(1.0, reports[^1].Fraction);
        // Progress counts in whole hundreds: an exact count of everything read, less the rows
        // exported, would tell how many answers the teams below the threshold gave.
        Assert.Equal(0, reports[^1].AnswersRead);
        Assert.True(reports.Select(report => report.Fraction).SequenceEqual(reports.Select(report => report.Fraction).Order()));
    }

    private async Task<SofSBotApp> SeededAppAsync()
    {
        var app = new SofSBotApp(azurite);
        await ExportDataset.SeedAsync(app.Services);
        return app;
    }

    private static async Task<byte[]> ExportAsync(SofSBotApp app, ExportFormat format, params string[] periods)
    {
        await using var output = new MemoryStream();
        await app.GetService<RatingsExporter>().ExportAsync(new ExportRequest(periods, format, Language.Swedish), output, null, default);
        return output.ToArray();
    }

    private sealed class SynchronousProgress(Action<ExportProgress> report) : IProgress<ExportProgress>
    {
        public void Report(ExportProgress value) => report(value);
    }
}
