using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SofSBot.BotFramework;
using SofSBot.Export;
using SofSBot.Localization;
using SofSBot.Ratings;
using SofSBot.Tests.Infrastructure;
using SofSBot.TestSupport;

namespace SofSBot.Tests.Export;

/// <summary>
/// The coordinator's files attacked as a leader with a spreadsheet would: the workbook, the answers
/// CSV, the figures CSV, the follow-up report and the period-end card are read back from the real
/// files and put together, and no group below the threshold (3) may be read or recovered by
/// subtraction from any total, in any period or in the year-over-year comparison.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class AnonymityAttackTests(AzuriteFixture azurite)
{
    private const int Threshold = 3;
    private static readonly string[] AllPeriods = ["2024-1", "2025-1", "2025-2"];

    [Fact]
    public async Task Team_A_of_one_respondent_cannot_be_worked_out_from_any_file()
    {
        var leaks = await AttackAsync(AnonymityDataset.TeamAAndTeamB());

        Assert.True(leaks.Count == 0, "Leaks:\n" + string.Join("\n", leaks));
    }

    [Fact]
    public async Task Many_teams_with_small_groups_on_either_side_of_the_year_leak_nothing()
    {
        var leaks = await AttackAsync(AnonymityDataset.ManyTeams());

        Assert.True(leaks.Count == 0, "Leaks:\n" + string.Join("\n", leaks));
    }

    [Fact]
    public async Task A_team_with_a_round_of_four_and_a_round_of_two_in_one_period_shows_no_period_figure_of_it()
    {
        await using var app = new SofSBotApp(azurite);
        await AnonymityDataset.TwoRoundsInOnePeriod().SeedAsync(app.Services);

        var workbook = Workbook.Read(await ExportAsync(app, ExportFormat.Xlsx, "2025-1"));

        // The first round's card shows its four answers: the period's six less those four would give the two.
        var team = workbook.Row("Per team och mål", "2025 vår", "Team Ett", AnonymityDataset.Approach);
        Assert.All(team.Skip(4).Take(5), Assert.Null);
        Assert.Empty(workbook["Svar"].Skip(1));
        // The organisation is this one team: nothing of it either.
        Assert.All(workbook.Row("Per mål", "2025 vår", AnonymityDataset.Approach).Skip(3).Take(5), Assert.Null);
    }

    [Fact]
    public async Task Exports_before_and_after_one_answer_to_an_open_round_tell_nothing_of_it()
    {
        await using var app = new SofSBotApp(azurite);
        await AnonymityDataset.OpenRound().SeedAsync(app.Services);
        var before = Workbook.Read(await ExportAsync(app, ExportFormat.Xlsx, "2025-1"));

        var round = Assert.Single(await app.GetService<IRatingRoundStore>().ListForTeamAsync("19:team-ett@thread.tacv2", default));
        await new TableRatingAnswerStore(app.GetService<SofSBot.Storage.TableProvider>())
            .SaveAsync(round, "29:user-late", new Dictionary<string, int> { [AnonymityDataset.Approach] = 0 }, DateTimeOffset.UtcNow, default);
        var after = Workbook.Read(await ExportAsync(app, ExportFormat.Xlsx, "2025-1"));

        // Nothing of a round that still takes answers: the difference would be the late answer.
        Assert.Empty(before["Svar"].Skip(1));
        Assert.DoesNotContain(before["Per team och mål"].Skip(1), row => DisclosureAttacker.Number(row[5]) is not null);
        // The team has answered, in a round still open: it is not among the teams without answers.
        Assert.Empty(before["Team utan svar"].Skip(1));
        foreach (var sheet in new[] { "Svar", "Per team och mål", "Per mål", "Jämförelse" })
        {
            Assert.Equal(before[sheet], after[sheet]);
        }
    }

    [Fact]
    public async Task The_answer_rows_of_team_A_are_not_exported_and_times_are_whole_days()
    {
        await using var app = new SofSBotApp(azurite);
        await AnonymityDataset.TeamAAndTeamB().SeedAsync(app.Services);

        var workbook = Workbook.Read(await ExportAsync(app, ExportFormat.Xlsx, "2025-1"));
        var rows = workbook["Svar"].Skip(1).ToList();

        Assert.DoesNotContain(rows, row => row[2] == "Team A");
        Assert.Equal(3 * GoalCatalogue.Seed.Count, rows.Count(row => row[2] == "Team B"));
        Assert.All(rows, row => Assert.Equal(0, DateTime.FromOADate(Workbook.Number(row[6])).TimeOfDay.Ticks));
        var csv = Encoding.UTF8.GetString(await ExportAsync(app, ExportFormat.Csv, "2025-1"));
        Assert.DoesNotContain(";Team A;", csv, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d\d:\d\d", csv);
    }

    /// <summary>Every file for every period, read back and put together; the leaks an attacker finds.</summary>
    private async Task<IReadOnlyList<string>> AttackAsync(AnonymityDataset data)
    {
        await using var app = new SofSBotApp(azurite);
        await data.SeedAsync(app.Services);
        var known = new Knowledge();

        var workbook = Workbook.Read(await ExportAsync(app, ExportFormat.Xlsx, AllPeriods));
        ReadWorkbook(workbook, data, known);
        ReadAnswersCsv(Encoding.UTF8.GetString(await ExportAsync(app, ExportFormat.Csv, AllPeriods)), known);
        ReadFiguresCsv(Encoding.UTF8.GetString(await ExportAsync(app, ExportFormat.SummaryCsv, AllPeriods)), data, known);
        ReadReport(Encoding.UTF8.GetString(await ExportAsync(app, ExportFormat.Report, "2025-1", "2025-2")), data, known);
        foreach (var period in data.Periods)
        {
            var responses = await app.GetService<PeriodResponseCounter>().CountAsync(period, default);
            ReadPeriodEndCard(JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(PeriodEndReminderCards.Create(responses, Language.Swedish), BotJson.Options))!, period, data, known);
        }

        var attacker = new DisclosureAttacker(Threshold);
        foreach (var leak in known.Leaks)
        {
            attacker.Leak(leak);
        }

        foreach (var period in data.Periods)
        {
            foreach (var goal in data.Goals)
            {
                var groups = data.TeamsIn(period).Select(team => new DisclosureAttacker.Group(
                    $"{team}/{goal}", data.Answered(period, team, goal), known.CellCount(period.Name, team, goal), known.CellFigures(period.Name, team, goal))).ToList();
                attacker.Attack($"{period.Name} {goal}", groups, known.TotalCount(period.Name, goal), known.TotalFigures(period.Name, goal));
            }

            var teams = data.TeamsIn(period).Select(team => new DisclosureAttacker.Group(
                $"{team} respondents", data.Respondents(period, team), known.RespondentCount(period.Name, team), false)).ToList();
            attacker.Attack($"{period.Name} respondents", teams, known.RespondentTotal(period.Name), false);
        }

        return attacker.Leaks;
    }

    private static void ReadWorkbook(Workbook workbook, AnonymityDataset data, Knowledge known)
    {
        foreach (var row in workbook["Svar"].Skip(1))
        {
            known.RawRow(row[0]!, row[2]!, row[3]!, "Svar");
            if (DateTime.FromOADate(Workbook.Number(row[6])).TimeOfDay != TimeSpan.Zero)
            {
                known.Leaks.Add($"Svar: an answer time to the minute ({row[2]}, {row[3]})");
            }
        }

        foreach (var row in workbook["Per team och mål"].Skip(1))
        {
            var roster = data.Roster(row[1]!);
            known.Cell(row[0]!, row[1]!, row[2]!,
                (int?)DisclosureAttacker.Number(row[4]) ?? DisclosureAttacker.CountFromShare(DisclosureAttacker.Number(row[8]), roster),
                row.Skip(5).Take(3).Any(cell => DisclosureAttacker.Number(cell) is not null));
        }

        foreach (var row in workbook["Per mål"].Skip(1))
        {
            var period = data.Periods.Single(p => p.Name == row[0]);
            var roster = data.TeamsIn(period).Sum(data.Roster);
            known.Total(row[0]!, row[1]!,
                (int?)DisclosureAttacker.Number(row[3]) ?? DisclosureAttacker.CountFromShare(DisclosureAttacker.Number(row[7]), roster),
                row.Skip(4).Take(3).Any(cell => DisclosureAttacker.Number(cell) is not null));
        }

        foreach (var row in workbook["Jämförelse"].Skip(1))
        {
            bool Shown(int column) => DisclosureAttacker.Number(row[column]) is not null;
            if ((Shown(7) && !(Shown(5) && Shown(6))) || (Shown(10) && !(Shown(8) && Shown(9))))
            {
                known.Leaks.Add($"Jämförelse: a change is shown beside a hidden side ({row[2]}, {row[3]})");
            }

            foreach (var (period, mean, share) in new[] { (row[0]!, 5, 8), (row[1]!, 6, 9) })
            {
                if (row[2] == "Hela organisationen")
                {
                    known.Total(period, row[3]!, null, Shown(mean) || Shown(share));
                }
                else
                {
                    known.Cell(period, row[2]!, row[3]!, null, Shown(mean) || Shown(share));
                }
            }
        }
    }

    private static void ReadAnswersCsv(string csv, Knowledge known)
    {
        foreach (var line in csv.TrimStart('\uFEFF').Split("\r\n").Skip(1).Where(line => line.Length > 0))
        {
            var cells = line.Split(';');
            known.RawRow(cells[0], cells[2], cells[3], "CSV");
            if (!DateOnly.TryParseExact(cells[6], "yyyy-MM-dd", out _))
            {
                known.Leaks.Add($"CSV: an answer time finer than the day ({cells[6]})");
            }
        }
    }

    private static void ReadFiguresCsv(string csv, AnonymityDataset data, Knowledge known)
    {
        foreach (var line in csv.TrimStart('\uFEFF').Split("\r\n").Skip(1).Where(line => line.Length > 0))
        {
            var cells = line.Split(';');
            var rate = DisclosureAttacker.SwedishNumber(cells[8]);
            known.Cell(cells[0], cells[1], cells[2],
                (int?)DisclosureAttacker.SwedishNumber(cells[4]) ?? DisclosureAttacker.CountFromShare(rate / 100, data.Roster(cells[1])),
                cells.Skip(5).Take(3).Any(cell => DisclosureAttacker.SwedishNumber(cell) is not null));
        }
    }

    private static void ReadReport(string html, AnonymityDataset data, Knowledge known)
    {
        var titles = GoalCatalogue.Seed.ToDictionary(goal => goal.Title.Swedish, goal => goal.GoalId);
        foreach (var section in html.Split("<h2>").Skip(1))
        {
            var heading = section[..section.IndexOf("</h2>", StringComparison.Ordinal)];
            if (heading.StartsWith("Nyckeltal: ", StringComparison.Ordinal))
            {
                var period = data.Periods.Single(p => p.Name == heading["Nyckeltal: ".Length..]);
                var rate = KeyFigure().Matches(section).Single(match => match.Groups[1].Value == "Svarsfrekvens").Groups[2].Value;
                known.RespondentsTotal(period.Name, DisclosureAttacker.CountFromRate(DisclosureAttacker.SwedishNumber(rate), data.TeamsIn(period).Sum(data.Roster)));
            }
            else if (heading.StartsWith("Per team: ", StringComparison.Ordinal))
            {
                var period = heading["Per team: ".Length..];
                foreach (Match row in ResponseRow().Matches(section))
                {
                    var team = WebUtility.HtmlDecode(row.Groups[1].Value);
                    var count = (int?)DisclosureAttacker.SwedishNumber(row.Groups[2].Value)
                        ?? DisclosureAttacker.CountFromRate(DisclosureAttacker.SwedishNumber(row.Groups[4].Value), data.Roster(team));
                    known.Respondents(period, team, count);
                }
            }
            else if (heading == "Målen över tid")
            {
                var periods = PeriodHeading().Matches(section).Select(match => match.Groups[1].Value).Where(name => data.Periods.Any(p => p.Name == name)).ToList();
                foreach (Match row in GoalRow().Matches(section))
                {
                    var goal = titles[WebUtility.HtmlDecode(row.Groups[1].Value)];
                    var cells = NumberCell().Matches(row.Groups[2].Value).Select(match => match.Groups[1].Value).ToList();
                    for (var i = 0; i < periods.Count; i++)
                    {
                        known.Total(periods[i], goal, null,
                            DisclosureAttacker.SwedishNumber(cells[2 * i]) is not null || DisclosureAttacker.SwedishNumber(cells[(2 * i) + 1]) is not null);
                    }
                }
            }
        }
    }

    private static void ReadPeriodEndCard(JsonNode card, RatingPeriod period, AnonymityDataset data, Knowledge known)
    {
        foreach (var fact in card["body"]!.AsArray().Where(element => element!["type"]!.GetValue<string>() == "FactSet").SelectMany(set => set!["facts"]!.AsArray()))
        {
            var team = fact!["title"]!.GetValue<string>();
            var value = fact["value"]!.GetValue<string>();
            var count = LeadingCount().Match(value) is { Success: true } match ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
            var rate = RateInParentheses().Match(value) is { Success: true } rateMatch ? DisclosureAttacker.SwedishNumber(rateMatch.Groups[1].Value) : null;
            known.Respondents(period.Name, team, count ?? DisclosureAttacker.CountFromRate(rate, data.Roster(team)));
        }

        foreach (var text in card["body"]!.AsArray().Where(element => element!["type"]!.GetValue<string>() == "TextBlock").Select(block => block!["text"]!.GetValue<string>()))
        {
            if (TotalLine().Match(text) is { Success: true } total)
            {
                known.RespondentsTotal(period.Name, int.Parse(total.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    private static async Task<byte[]> ExportAsync(SofSBotApp app, ExportFormat format, params string[] periods)
    {
        await using var output = new MemoryStream();
        await app.GetService<RatingsExporter>().ExportAsync(new ExportRequest(periods, format, Language.Swedish), output, null, default);
        return output.ToArray();
    }

    [GeneratedRegex("<div class=\"subtle\">([^<]*)</div><div class=\"value\">([^<]*)</div>")]
    private static partial Regex KeyFigure();

    [GeneratedRegex("<tr><td>([^<]*)</td><td class=\"number\">([^<]*)</td><td class=\"number\">([^<]*)</td><td class=\"number\">([^<]*)</td></tr>")]
    private static partial Regex ResponseRow();

    [GeneratedRegex("<th class=\"number\">([^<]*)</th>")]
    private static partial Regex PeriodHeading();

    [GeneratedRegex("<tr><td>([^<]*)</td>((?:<td class=\"number[^\"]*\">[^<]*</td>)+)</tr>")]
    private static partial Regex GoalRow();

    [GeneratedRegex("<td class=\"number[^\"]*\">([^<]*)</td>")]
    private static partial Regex NumberCell();

    [GeneratedRegex(@"^(\d+)\b")]
    private static partial Regex LeadingCount();

    [GeneratedRegex(@"\((\d+[^)]*%)\)")]
    private static partial Regex RateInParentheses();

    [GeneratedRegex(@"^(?:Totalt|In all): (\d+)\b")]
    private static partial Regex TotalLine();

    /// <summary>What the files together show, per period (by name), team (by name) and goal.</summary>
    private sealed class Knowledge
    {
        private readonly Dictionary<(string, string, string), int> _cellCounts = [];
        private readonly HashSet<(string, string, string)> _cellFigures = [];
        private readonly Dictionary<(string, string, string), Dictionary<string, int>> _rawRows = [];
        private readonly Dictionary<(string, string), int> _totalCounts = [];
        private readonly HashSet<(string, string)> _totalFigures = [];
        private readonly Dictionary<(string, string), int> _respondents = [];
        private readonly Dictionary<string, int> _respondentTotals = [];

        public List<string> Leaks { get; } = [];

        public void RawRow(string period, string team, string goal, string file)
        {
            var rows = _rawRows.TryGetValue((period, team, goal), out var byFile) ? byFile : _rawRows[(period, team, goal)] = [];
            rows[file] = rows.GetValueOrDefault(file) + 1;
        }

        public void Cell(string period, string team, string goal, int? count, bool figures)
        {
            if (count is { } n)
            {
                _cellCounts[(period, team, goal)] = n;
            }

            if (figures)
            {
                _cellFigures.Add((period, team, goal));
            }
        }

        public void Total(string period, string goal, int? count, bool figures)
        {
            if (count is { } n)
            {
                _totalCounts[(period, goal)] = n;
            }

            if (figures)
            {
                _totalFigures.Add((period, goal));
            }
        }

        public void Respondents(string period, string team, int? count)
        {
            if (count is { } n)
            {
                _respondents[(period, team)] = n;
            }
        }

        public void RespondentsTotal(string period, int? count)
        {
            if (count is { } n)
            {
                _respondentTotals[period] = n;
            }
        }

        // Raw rows show a group's count and every figure of it.
        public int? CellCount(string period, string team, string goal) =>
            _cellCounts.TryGetValue((period, team, goal), out var n) ? n
            : _rawRows.TryGetValue((period, team, goal), out var rows) ? rows.Values.Max() : null;

        public bool CellFigures(string period, string team, string goal) =>
            _cellFigures.Contains((period, team, goal)) || _rawRows.ContainsKey((period, team, goal));

        public int? TotalCount(string period, string goal) => _totalCounts.TryGetValue((period, goal), out var n) ? n : null;

        public bool TotalFigures(string period, string goal) => _totalFigures.Contains((period, goal));

        public int? RespondentCount(string period, string team) => _respondents.TryGetValue((period, team), out var n) ? n : null;

        public int? RespondentTotal(string period) => _respondentTotals.TryGetValue(period, out var n) ? n : null;
    }
}
