namespace SofSBot.Deployment.Tests.Support;

/// <summary>One run of the Bicep compiler: its exit code and what it wrote.</summary>
internal sealed record BicepRun(int ExitCode, string Output, string Error)
{
    /// <summary>Every diagnostic line (errors, warnings, infos) the compiler wrote to either stream.</summary>
    public IReadOnlyList<string> Diagnostics =>
        [.. (Output + "\n" + Error).Split('\n').Select(line => line.Trim())
            .Where(line => line.Contains(" : Error ", StringComparison.Ordinal) || line.Contains(" : Warning ", StringComparison.Ordinal) || line.Contains(" : Info ", StringComparison.Ordinal))];
}
