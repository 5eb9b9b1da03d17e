using System.Diagnostics;
using SofSBot.TestSupport;

namespace SofSBot.Deployment.Tests.Support;

/// <summary>Runs one of the repository's node scripts (scripts/*.mjs) to completion.</summary>
internal static class NodeScript
{
    private static readonly TimeSpan TimeLimit = TimeSpan.FromMinutes(1);

    /// <param name="script">The script's path below the repository root.</param>
    /// <param name="environment">Variables to set; a null value removes an inherited one.</param>
    public static async Task<NodeScriptResult> RunAsync(
        string script,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?> environment,
        CancellationToken cancellationToken)
    {
        RepositoryPaths.RequireNodeModules();
        var startInfo = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(RepositoryPaths.Combine(script));
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("node did not start.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeLimit);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new NodeScriptResult(process.ExitCode, await output, await error);
    }
}
