using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using SofSBot.TestSupport;

namespace SofSBot.Deployment.Tests.Support;

/// <summary>
/// The Bicep compiler from the NuGet package Azure.Bicep.CommandLine.linux-x64, which the test
/// project restores for its files only: <c>bicep build</c> and <c>bicep lint</c> on infra/.
/// </summary>
internal static class BicepCompiler
{
    private static readonly TimeSpan TimeLimit = TimeSpan.FromMinutes(2);
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>The compiled ARM template of a file below infra/ with what the compiler said.</summary>
    public static async Task<(JsonObject Template, BicepRun Run)> BuildAsync(string fileBelowInfra, CancellationToken cancellationToken)
    {
        var run = await RunAsync(cancellationToken, "build", RepositoryPaths.Combine("infra", fileBelowInfra), "--stdout");
        Assert.True(run.ExitCode == 0, $"bicep build failed ({run.ExitCode}):\n{run.Error}");
        return (JsonNode.Parse(run.Output)!.AsObject(), run);
    }

    public static Task<BicepRun> LintAsync(string fileBelowInfra, CancellationToken cancellationToken) =>
        RunAsync(cancellationToken, "lint", RepositoryPaths.Combine("infra", fileBelowInfra));

    /// <summary>The bicep program in the restored package, made executable if the package's unzip left it not.</summary>
    public static string ProgramPath()
    {
        var directory = typeof(BicepCompiler).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(attribute => attribute.Key == "BicepPackageDirectory")?.Value;
        Assert.False(string.IsNullOrEmpty(directory), "The test project was built without the Azure.Bicep.CommandLine.linux-x64 package path.");
        var path = Path.Combine(directory, "tools", "bicep");
        Assert.True(File.Exists(path), $"No bicep program at {path}: restore the test project.");
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            const UnixFileMode executable = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
            if ((mode & UnixFileMode.UserExecute) == 0)
            {
                File.SetUnixFileMode(path, mode | executable);
            }
        }

        return path;
    }

    private static async Task<BicepRun> RunAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(ProgramPath())
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Offline and quiet: no telemetry, no look-ups of newer versions.
        startInfo.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        // The compiler takes ~0.5 GB and both cores for a moment: one run at a time.
        await OneAtATime.WaitAsync(cancellationToken);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeLimit);
            using var process = Process.Start(startInfo)!;
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

            return new BicepRun(process.ExitCode, await output, await error);
        }
        finally
        {
            OneAtATime.Release();
        }
    }
}
