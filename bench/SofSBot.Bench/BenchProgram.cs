using System.Globalization;
using SofSBot.TestSupport;

namespace SofSBot.Bench;

/// <summary>Runs the fan-out benchmark and prints its figures; exits 1 on a duplicate, a lost post or a stall.</summary>
internal static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        // Figures print the same on every machine.
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        if (args is ["ratings", .. var ratingArgs])
        {
            return await RatingsBenchmark.MainAsync(ratingArgs);
        }

        if (args.Length > 0 && args[0] == "export")
        {
            return await ExportBenchmark.RunAsync(args[1..]);
        }

        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (ArgumentException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            await Console.Error.WriteLineAsync(BenchOptions.Usage);
            return 2;
        }

        if (options.ShowHelp)
        {
            Console.WriteLine(BenchOptions.Usage);
            return 0;
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        Console.WriteLine((
            $"Fan-out: {options.Teams} teams, budget {options.Budget}/s, app limit {options.AppLimit}/s, {options.InjectRate:P1} 429s injected, poll {options.PollInterval.TotalSeconds:0} s, {options.Runs} run(s)"));
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        var results = new List<FanOutResult>();
        try
        {
            for (var run = 1; run <= options.Runs; run++)
            {
                var result = await FanOutBenchmark.RunAsync(azurite, options, stop.Token);
                results.Add(result);
                Console.WriteLine(
                    $"run {run}: {result.PostsPerSecond:0.0} posts/s ({result.BudgetRatio:0.00} × budget) in {result.Wall.TotalSeconds:0.0} s, " +
                    $"{result.Passes} pass(es), 429s {result.Throttled} (injected {result.Connector.Injected}, limits {result.Connector.ConversationLimited + result.Connector.AppLimited}), " +
                    $"duplicates {result.Duplicates}, lost {result.Lost}");
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("Stopped.");
            return 130;
        }
        finally
        {
            await azurite.DisposeAsync();
        }

        Print(options, results);
        var failed = results.Where(r => !r.Ok).ToList();
        if (failed.Count > 0)
        {
            await Console.Error.WriteLineAsync(
                $"FAILED: {failed.Count} of {results.Count} run(s) had duplicates, lost posts, unexpected requests or did not finish within {options.Timeout.TotalSeconds:0} s.");
            return 1;
        }

        return 0;
    }

    private static void Print(BenchOptions options, List<FanOutResult> results)
    {
        var label = results.Count > 1 ? $" (median of {results.Count} runs)" : string.Empty;
        Console.WriteLine();
        Console.WriteLine($"Result{label}");
        Row("teams", $"{options.Teams}");
        Row("configured budget", $"{options.Budget} posts/s (Scheduler:RequestsPerSecond)");
        Row("achieved", $"{Median(results, r => r.PostsPerSecond):0.0} posts/s = {Median(results, r => r.BudgetRatio):0.00} × budget");
        Row("wall time", $"{Median(results, r => r.Wall.TotalSeconds):0.0} s (seeding {Median(results, r => r.Seeding.TotalSeconds):0.0} s, not counted)");
        Row("scheduler passes", $"{Median(results, r => r.Passes):0} (failed {results.Sum(r => r.FailedPasses)})");
        Row("requests", $"{Median(results, r => r.Connector.Requests):0}, accepted {Median(results, r => r.Connector.Accepted):0}, peak {Median(results, r => r.Connector.PeakPerSecond):0} in 1 s");
        Row("429s received",
            $"{Median(results, r => r.Throttled):0}: injected {Median(results, r => r.Connector.Injected):0}, " +
            $"limit-enforced {Median(results, r => r.Connector.ConversationLimited + r.Connector.AppLimited):0} " +
            $"(per conversation {Median(results, r => r.Connector.ConversationLimited):0}, per app {Median(results, r => r.Connector.AppLimited):0})");
        Row("ledger posted", $"{Median(results, r => r.LedgerPosted):0}");
        Row("duplicates", $"{results.Max(r => r.Duplicates)} (channels with more than one post; worst run)");
        Row("lost", $"{results.Max(r => r.Lost)} (channels without a post; worst run)");
        if (results.Any(r => r.Connector.Unexpected > 0))
        {
            Row("unexpected requests", $"{results.Max(r => r.Connector.Unexpected)}");
        }

        if (results.Any(r => !r.Finished))
        {
            Row("unfinished runs", $"{results.Count(r => !r.Finished)}");
        }
    }

    private static void Row(string name, string value) => Console.WriteLine($"  {name,-18} {value}");

    private static double Median(List<FanOutResult> results, Func<FanOutResult, double> figure)
    {
        var sorted = results.Select(figure).Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

}
