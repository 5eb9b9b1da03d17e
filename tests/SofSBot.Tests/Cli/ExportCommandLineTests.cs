using SofSBot.Cli;
using SofSBot.Tests.Export;
using SofSBot.Tests.Infrastructure;
using SofSBot.TestSupport;
using Spectre.Console;

namespace SofSBot.Tests.Cli;

/// <summary><c>sofsbot export|report</c> run in-process against Azurite, with a test console.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ExportCommandLineTests(AzuriteFixture azurite) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sofsbot-cli-").FullName;
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    [Fact]
    public async Task Export_writes_the_workbook_and_says_how_many_answers()
    {
        await using var app = await SeededAppAsync();
        var path = Path.Combine(_folder, "ratings.xlsx");

        var exit = await RunAsync(Settings(app), "export", "--period", "2025-var", "--period", "2025-host", "--format", "xlsx", "--out", path);

        Assert.Equal(0, exit);
        Assert.Equal("", _error.ToString());
        Assert.Contains($"Klart: 7 svar från 2025 vår, 2025 höst skrevs till {path}.", _output.ToString(), StringComparison.Ordinal);
        var workbook = Workbook.Read(await File.ReadAllBytesAsync(path));
        // Team 2 (2 answers) and 2025 höst (1 answer) are below the threshold: their rows are not exported.
        Assert.Equal(7, workbook["Svar"].Count - 1);
        Assert.False(File.Exists(path + ".part"));
    }

    [Fact]
    public async Task Csv_and_report_are_written_too()
    {
        await using var app = await SeededAppAsync();
        var csv = Path.Combine(_folder, "svar.csv");
        var report = Path.Combine(_folder, "rapport.html");

        Assert.Equal(0, await RunAsync(Settings(app), "export", "-p", "2025-1", "-f", "csv", "-o", csv));
        Assert.Equal(0, await RunAsync(Settings(app), "report", "-p", "2025-1", "-o", report, "--language", "en"));

        Assert.Equal(0xEF, (await File.ReadAllBytesAsync(csv))[0]);
        Assert.Contains("Signs of Safety follow-up", await File.ReadAllTextAsync(report), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_period_is_named_with_the_periods_there_are_and_nothing_is_written()
    {
        await using var app = await SeededAppAsync();
        var path = Path.Combine(_folder, "ratings.xlsx");

        var exit = await RunAsync(Settings(app), "export", "--period", "2025-var", "--period", "2023-host", "--out", path);

        Assert.Equal(1, exit);
        Assert.Equal(
            "Okänd period: 2023-host. Perioder som finns: 2024-var (2024 vår), 2025-var (2025 vår), 2025-host (2025 höst).",
            _error.ToString().Trim());
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task Missing_connection_says_which_setting_to_give()
    {
        var path = Path.Combine(_folder, "ratings.xlsx");

        var exit = await RunAsync(new Dictionary<string, string?> { ["Export:PseudonymSecret"] = SofSBotApp.TestPseudonymSecret }, "export", "--period", "2025-var", "--out", path);

        Assert.Equal(1, exit);
        Assert.Equal(
            "Ingen anslutning till lagringen är angiven. Ange --connection eller sätt miljövariabeln ConnectionStrings__Tables (lokalt t.ex. UseDevelopmentStorage=true), eller Storage__TableServiceUri i Azure.",
            _error.ToString().Trim());
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task Missing_pseudonym_key_is_named_in_English_when_asked()
    {
        var exit = await RunAsync(
            new Dictionary<string, string?> { ["ConnectionStrings:Tables"] = azurite.ConnectionString },
            "export", "--period", "2025-var", "--out", Path.Combine(_folder, "x.xlsx"), "--language", "en");

        Assert.Equal(1, exit);
        Assert.StartsWith("The pseudonym key is missing or too short: set the environment variable Export__PseudonymSecret", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unwritable_path_is_refused_before_anything_is_read()
    {
        var path = Path.Combine(_folder, "no-such-folder", "ratings.xlsx");

        // No storage is configured either: the path is checked first, so that is the error given.
        var exit = await RunAsync(new Dictionary<string, string?>(), "export", "--period", "2025-var", "--out", path);

        Assert.Equal(1, exit);
        Assert.StartsWith($"Det går inte att skriva till {path}: ", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_storage_is_reported_in_one_sentence()
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Tables"] = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteKey};TableEndpoint=http://127.0.0.1:{FreePort.Next()}/devstoreaccount1;",
            ["Export:PseudonymSecret"] = SofSBotApp.TestPseudonymSecret,
        };

        var exit = await RunAsync(settings, "periods");

        Assert.Equal(1, exit);
        Assert.StartsWith("Lagringen gick inte att nå (", _error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private const string AzuriteKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private async Task<int> RunAsync(IReadOnlyDictionary<string, string?> settings, params string[] args)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(_output),
        });
        return await ExportCommandLine.RunAsync(args, new CliEnvironment(_output, _error, console, settings, ReadEnvironmentVariables: false), default);
    }

    private Dictionary<string, string?> Settings(SofSBotApp app) => new()
    {
        ["ConnectionStrings:Tables"] = azurite.ConnectionString,
        ["Storage:TablePrefix"] = app.TablePrefix,
        ["Export:PseudonymSecret"] = SofSBotApp.TestPseudonymSecret,
    };

    private async Task<SofSBotApp> SeededAppAsync()
    {
        var app = new SofSBotApp(azurite);
        await ExportDataset.SeedAsync(app.Services);
        return app;
    }
}
