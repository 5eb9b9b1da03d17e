using Spectre.Console;

namespace SofSBot.Cli;

/// <summary>Where the command line writes and reads its settings; tests give their own.</summary>
/// <param name="Settings">Configuration given directly (tests), on top of the environment variables when those are read.</param>
internal sealed record CliEnvironment(
    TextWriter Output,
    TextWriter Error,
    IAnsiConsole Console,
    IReadOnlyDictionary<string, string?>? Settings,
    bool ReadEnvironmentVariables);
