using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using SofSBot.TestSupport;

namespace SofSBot.Tests.Cards;

/// <summary>
/// Runs validate-cards.mjs: the npm <c>adaptivecards</c> reference library parses every given card
/// in one node process and reports what it found wrong.
/// </summary>
internal static class ReferenceCardParser
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);
    private static readonly JsonSerializerOptions ResultOptions = new(JsonSerializerDefaults.Web);

    public static async Task<IReadOnlyDictionary<string, ParsedCard>> ParseAsync(
        IReadOnlyDictionary<string, JsonObject> cardsByName, CancellationToken cancellationToken)
    {
        RepositoryPaths.RequireNodeModules();
        if (!File.Exists(Path.Combine(RepositoryPaths.NodeModules, "adaptivecards", "package.json")))
        {
            throw new InvalidOperationException("node_modules/adaptivecards is missing. Run 'npm ci' in the repository root (scripts/test.sh does this for you).");
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
            startInfo.ArgumentList.Add(RepositoryPaths.Combine("tests", "SofSBot.Tests", "Cards", "validate-cards.mjs"));
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
                throw new InvalidOperationException($"validate-cards.mjs exited with code {process.ExitCode}:{Environment.NewLine}{await stderr}");
            }

            var results = JsonSerializer.Deserialize<ParsedCard[]>(await stdout, ResultOptions)
                ?? throw new InvalidOperationException("validate-cards.mjs printed no results.");
            return results.ToDictionary(result => result.Name, StringComparer.Ordinal);
        }
        finally
        {
            File.Delete(input);
        }
    }
}

/// <summary>What the reference library made of one card.</summary>
/// <param name="Problems">Its parse and validation events, console warnings, and what it dropped.</param>
/// <param name="SentElements">Elements and actions in the card we sent.</param>
/// <param name="ParsedElements">Elements and actions in the library's own serialization of what it parsed.</param>
internal sealed record ParsedCard(
    string Name,
    IReadOnlyList<string> Problems,
    string? DeclaredVersion,
    string? ParsedVersion,
    int SentElements,
    int ParsedElements);
