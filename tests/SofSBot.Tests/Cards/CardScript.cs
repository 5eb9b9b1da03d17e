using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using SofSBot.TestSupport;

namespace SofSBot.Tests.Cards;

/// <summary>
/// Runs one of the node scripts beside this file over named cards in one process: the cards go in as
/// a JSON file of <c>{name, card}</c>, the script prints a JSON array of results.
/// </summary>
internal static class CardScript
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);
    private static readonly JsonSerializerOptions ResultOptions = new(JsonSerializerDefaults.Web);

    /// <param name="script">The script's file name in tests/SofSBot.Tests/Cards.</param>
    /// <param name="package">The npm package the script needs, checked first for a clear message.</param>
    public static async Task<TResult[]> RunAsync<TResult>(
        string script, string package, IEnumerable<KeyValuePair<string, JsonNode>> cardsByName, CancellationToken cancellationToken)
    {
        RepositoryPaths.RequireNodeModules();
        if (!File.Exists(Path.Combine(RepositoryPaths.NodeModules, package, "package.json")))
        {
            throw new InvalidOperationException($"node_modules/{package} is missing. Run 'npm ci' in the repository root (scripts/test.sh does this for you).");
        }

        var input = Path.Combine(Path.GetTempPath(), $"sofsbot-cards-{Guid.NewGuid():N}.json");
        var cards = new JsonArray([.. cardsByName.Select(pair => new JsonObject { ["name"] = pair.Key, ["card"] = pair.Value.DeepClone() })]);
        await File.WriteAllTextAsync(input, cards.ToJsonString(), cancellationToken);
        try
        {
            var startInfo = new ProcessStartInfo("node")
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = RepositoryPaths.Root,
            };
            startInfo.ArgumentList.Add(RepositoryPaths.Combine("tests", "SofSBot.Tests", "Cards", script));
            startInfo.ArgumentList.Add(input);

            using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start 'node'.");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{script} exited with code {process.ExitCode}:{Environment.NewLine}{await stderr}");
            }

            return JsonSerializer.Deserialize<TResult[]>(await stdout, ResultOptions)
                ?? throw new InvalidOperationException($"{script} printed no results.");
        }
        finally
        {
            File.Delete(input);
        }
    }
}
