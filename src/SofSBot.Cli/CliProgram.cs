using Spectre.Console;

namespace SofSBot.Cli;

/// <summary>
/// <c>sofsbot export|report|periods</c>. Not top-level statements: the test project references this
/// and the web app, whose <c>Program</c> class must stay the only one.
/// </summary>
internal static class CliProgram
{
    public static async Task<int> Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        var environment = new CliEnvironment(Console.Out, Console.Error, AnsiConsole.Console, Settings: null, ReadEnvironmentVariables: true);
        return await ExportCommandLine.RunAsync(args, environment, cancellation.Token);
    }
}
