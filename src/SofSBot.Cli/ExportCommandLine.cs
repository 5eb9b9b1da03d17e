using System.CommandLine;
using System.Globalization;
using Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SofSBot.Export;
using SofSBot.Localization;
using SofSBot.Storage;
using Spectre.Console;

namespace SofSBot.Cli;

/// <summary>
/// The commands: <c>export</c> (xlsx, csv, csv-summary), <c>report</c> (HTML) and <c>periods</c>.
/// Each checks what it can before reading anything (the output path, the storage connection, the
/// pseudonym key, the periods) and says in one sentence what is wrong.
/// </summary>
internal static class ExportCommandLine
{
    public const int Succeeded = 0;
    public const int Failed = 1;

    // The card's format words, less the report, which has a command of its own.
    private static readonly Dictionary<string, ExportFormat> Formats = ExportCards.Formats
        .Where(format => format.Value != ExportFormat.Report)
        .ToDictionary(format => format.Key, format => format.Value, StringComparer.OrdinalIgnoreCase);

    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken)
    {
        // Descriptions follow --language when it is given, so "--help --language en" reads in English.
        var texts = CliTexts.For(LanguageOf(args));
        var period = new Option<string[]>("--period", "-p") { Description = texts.PeriodOption, Required = true, Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format", "-f") { Description = texts.FormatOption, DefaultValueFactory = _ => "xlsx" };
        format.AcceptOnlyFromAmong([.. Formats.Keys]);
        var output = new Option<FileInfo>("--out", "-o") { Description = texts.OutOption, Required = true };
        var language = new Option<string>("--language") { Description = texts.LanguageOption, DefaultValueFactory = _ => "sv", Recursive = true };
        language.AcceptOnlyFromAmong("sv", "en");
        var connection = new Option<string?>("--connection") { Description = texts.ConnectionOption, Recursive = true };

        var export = new Command("export", texts.Export) { period, format, output };
        export.SetAction((parse, token) => ExportAsync(
            environment, parse.GetValue(period)!, Formats[parse.GetValue(format)!], parse.GetValue(output)!, Language(parse.GetValue(language)), parse.GetValue(connection), token));

        var report = new Command("report", texts.Report) { period, output };
        report.SetAction((parse, token) => ExportAsync(
            environment, parse.GetValue(period)!, ExportFormat.Report, parse.GetValue(output)!, Language(parse.GetValue(language)), parse.GetValue(connection), token));

        var periods = new Command("periods", texts.Periods);
        periods.SetAction((parse, token) => ListPeriodsAsync(environment, Language(parse.GetValue(language)), parse.GetValue(connection), token));

        var root = new RootCommand(texts.Root) { export, report, periods };
        root.Options.Add(language);
        root.Options.Add(connection);
        return await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = environment.Output, Error = environment.Error }, cancellationToken);
    }

    private static async Task<int> ExportAsync(
        CliEnvironment environment, string[] periods, ExportFormat format, FileInfo output, Language language, string? connection, CancellationToken cancellationToken)
    {
        var texts = CliTexts.For(language);
        // Written beside the target and moved over it at the end: a failed export leaves no half file.
        var partPath = output.FullName + ".part";
        FileStream file;
        try
        {
            if (Directory.Exists(output.FullName))
            {
                throw new IOException(language == Localization.Language.English ? "it is a folder" : "det är en mapp");
            }

            file = new FileStream(partPath, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            await environment.Error.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, texts.CannotWrite, output.FullName, exception.Message));
            return Failed;
        }

        var succeeded = false;
        try
        {
            using var host = BuildHost(environment, connection);
            if (await ConfigurationErrorAsync(environment, host.Services, texts) is { } error)
            {
                return error;
            }

            var exporter = host.Services.GetRequiredService<RatingsExporter>();
            ExportResult? result = null;
            await environment.Console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask(texts.Reading, maxValue: 100);
                    result = await exporter.ExportAsync(
                        new ExportRequest(periods, format, language), file, new ProgressBar(task, texts), cancellationToken);
                    task.Value = 100;
                });
            await file.DisposeAsync();
            File.Move(partPath, output.FullName, overwrite: true);
            succeeded = true;
            await environment.Output.WriteLineAsync(string.Format(
                CultureInfo.InvariantCulture, texts.Done, result!.Answers, string.Join(", ", result.Periods.Select(p => p.Name)), output.FullName));
            return Succeeded;
        }
        catch (UnknownPeriodException exception)
        {
            await environment.Error.WriteLineAsync(exception.Message);
            return Failed;
        }
        catch (Exception exception) when (IsStorageFailure(exception))
        {
            await environment.Error.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, texts.StorageUnreachable, exception.GetBaseException().Message));
            return Failed;
        }
        finally
        {
            await file.DisposeAsync();
            if (!succeeded)
            {
                File.Delete(partPath);
            }
        }
    }

    private static async Task<int> ListPeriodsAsync(CliEnvironment environment, Language language, string? connection, CancellationToken cancellationToken)
    {
        var texts = CliTexts.For(language);
        try
        {
            using var host = BuildHost(environment, connection);
            if (await ConfigurationErrorAsync(environment, host.Services, texts) is { } error)
            {
                return error;
            }

            var periods = await host.Services.GetRequiredService<RatingsExporter>().ListPeriodsAsync(cancellationToken);
            await environment.Output.WriteLineAsync(periods.Count == 0 ? texts.NoPeriods : string.Format(CultureInfo.InvariantCulture, texts.PeriodList, periods.Count));
            foreach (var period in periods)
            {
                await environment.Output.WriteLineAsync(FormattableString.Invariant(
                    $"  {PeriodSelector.Slug(period.Name),-12} {period.PeriodId,-8} {period.Name,-12} {period.StartDate:yyyy-MM-dd} – {period.EndDate:yyyy-MM-dd}"));
            }

            return Succeeded;
        }
        catch (Exception exception) when (IsStorageFailure(exception))
        {
            await environment.Error.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, texts.StorageUnreachable, exception.GetBaseException().Message));
            return Failed;
        }
    }

    /// <summary>The bot's own storage and export services on a plain host, configured from the environment.</summary>
    private static IHost BuildHost(CliEnvironment environment, string? connection)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Production });
        if (environment.ReadEnvironmentVariables)
        {
            builder.Configuration.AddEnvironmentVariables();
        }

        builder.Configuration.AddInMemoryCollection(environment.Settings ?? new Dictionary<string, string?>());
        if (!string.IsNullOrWhiteSpace(connection))
        {
            builder.Configuration[$"ConnectionStrings:{StorageOptions.ConnectionStringName}"] = connection;
        }

        builder.AddTableStorage();
        builder.AddExportCore();
        return builder.Build();
    }

    /// <summary>The settings the bot validates at start, checked here before anything is read.</summary>
    private static async Task<int?> ConfigurationErrorAsync(CliEnvironment environment, IServiceProvider services, CliTexts texts)
    {
        string? message = null;
        try
        {
            _ = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        }
        catch (OptionsValidationException)
        {
            message = texts.NoConnection;
        }

        try
        {
            _ = services.GetRequiredService<IOptions<ExportOptions>>().Value;
        }
        catch (OptionsValidationException)
        {
            message = message is null ? texts.NoSecret : message + Environment.NewLine + texts.NoSecret;
        }

        if (message is null)
        {
            return null;
        }

        await environment.Error.WriteLineAsync(message);
        return Failed;
    }

    private static bool IsStorageFailure(Exception exception) =>
        exception is RequestFailedException or HttpRequestException or AggregateException { InnerException: RequestFailedException or HttpRequestException }
            or FormatException { Source: "Azure.Data.Tables" } or InvalidOperationException { Source: "Azure.Data.Tables" };

    private static Language LanguageOf(string[] args)
    {
        var index = Array.FindIndex(args, arg => arg == "--language");
        return index >= 0 && index + 1 < args.Length ? Language(args[index + 1]) : Localization.Language.Swedish;
    }

    private static Language Language(string? code) =>
        string.Equals(code, "en", StringComparison.OrdinalIgnoreCase) ? Localization.Language.English : Localization.Language.Swedish;

    /// <summary>Moves the bar as the export reports; Spectre's tasks may be updated from any thread.</summary>
    private sealed class ProgressBar(ProgressTask task, CliTexts texts) : IProgress<ExportProgress>
    {
        public void Report(ExportProgress value)
        {
            task.Value = value.Fraction * 100;
            task.Description = string.Create(CultureInfo.InvariantCulture, $"{texts.Reading} ({value.AnswersRead:N0})");
        }
    }
}
