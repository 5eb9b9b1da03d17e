using System.Globalization;

namespace SofSBot.Bench;

/// <summary>The benchmark's command line.</summary>
internal sealed record BenchOptions
{
    public const string Usage = """
        Usage: scripts/bench.sh [options]
          One scheduled occurrence fanned out to N team channels, through the real scheduler, real
          Azurite and a local fake Bot Connector that throttles as Teams does.

          --teams N          installed teams, each with a due schedule into its own channel (default 500)
          --budget N         Scheduler:RequestsPerSecond, the bot's post budget (default 30)
          --inject-429 P     percent of otherwise accepted posts answered 429 anyway (default 5)
          --app-limit N      the fake connector's per-app limit, requests per second (default 50)
          --parallel N       Scheduler:MaxParallelPosts (default: the bot's, 8)
          --poll S           seconds between scheduler passes, as Scheduler:PollInterval (default 2)
          --timeout S        give up (and fail) after this many seconds of posting (default 120)
          --runs N           repeat the whole run N times and print medians (default 1)
          --seed N           seed for the injected 429s (default: random)
        """;

    public int Teams { get; init; } = 500;

    public int Budget { get; init; } = 30;

    /// <summary>0–1.</summary>
    public double InjectRate { get; init; } = 0.05;

    public int AppLimit { get; init; } = 50;

    public int? MaxParallelPosts { get; init; }

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(120);

    public int Runs { get; init; } = 1;

    public int? Seed { get; init; }

    public bool ShowHelp { get; init; }

    /// <exception cref="ArgumentException">An unknown option or a value out of range.</exception>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                return options with { ShowHelp = true };
            }

            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"{name} needs a value.");
            }

            var value = args[++i];
            options = name switch
            {
                "--teams" => options with { Teams = Integer(name, value, 1, 100_000) },
                "--budget" => options with { Budget = Integer(name, value, 1, 1000) },
                "--inject-429" => options with { InjectRate = Percent(name, value) / 100 },
                "--app-limit" => options with { AppLimit = Integer(name, value, 1, 10_000) },
                "--parallel" => options with { MaxParallelPosts = Integer(name, value, 1, 64) },
                "--poll" => options with { PollInterval = TimeSpan.FromSeconds(Integer(name, value, 1, 600)) },
                "--timeout" => options with { Timeout = TimeSpan.FromSeconds(Integer(name, value, 1, 3600)) },
                "--runs" => options with { Runs = Integer(name, value, 1, 100) },
                "--seed" => options with { Seed = Integer(name, value, int.MinValue, int.MaxValue) },
                _ => throw new ArgumentException($"Unknown option {name}."),
            };
        }

        return options;
    }

    private static int Integer(string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new ArgumentException($"{name} must be a whole number from {min} to {max}, not '{value}'.");

    private static double Percent(string name, string value) =>
        double.TryParse(value.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var percent) && percent is >= 0 and <= 100
            ? percent
            : throw new ArgumentException($"{name} must be a percentage from 0 to 100, not '{value}'.");
}
