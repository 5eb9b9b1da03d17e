using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SofSBot.TestSupport;

namespace SofSBot.Tests.Cards;

/// <summary>
/// Runs render-markdown.mjs: the Markdown of every TextBlock and Fact in the given cards, as the npm
/// <c>adaptivecards</c> reference renderer turns it into HTML (with markdown-it, its processor).
/// </summary>
internal static partial class ReferenceMarkdownRenderer
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);
    private static readonly JsonSerializerOptions ResultOptions = new(JsonSerializerDefaults.Web);

    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<RenderedText>>> RenderAsync(
        IReadOnlyDictionary<string, JsonNode> cardsByName, CancellationToken cancellationToken)
    {
        RepositoryPaths.RequireNodeModules();
        if (!File.Exists(Path.Combine(RepositoryPaths.NodeModules, "markdown-it", "package.json")))
        {
            throw new InvalidOperationException("node_modules/markdown-it is missing. Run 'npm ci' in the repository root (scripts/test.sh does this for you).");
        }

        var input = Path.Combine(Path.GetTempPath(), $"sofsbot-markdown-{Guid.NewGuid():N}.json");
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
            startInfo.ArgumentList.Add(RepositoryPaths.Combine("tests", "SofSBot.Tests", "Cards", "render-markdown.mjs"));
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
                throw new InvalidOperationException($"render-markdown.mjs exited with code {process.ExitCode}:{Environment.NewLine}{await stderr}");
            }

            var results = JsonSerializer.Deserialize<RenderedCard[]>(await stdout, ResultOptions)
                ?? throw new InvalidOperationException("render-markdown.mjs printed no results.");
            return results.ToDictionary(result => result.Name, result => result.Blocks, StringComparer.Ordinal);
        }
        finally
        {
            File.Delete(input);
        }
    }

    /// <summary>What a reader sees of rendered HTML: the text without tags, entities decoded.</summary>
    public static string Visible(string html) => WebUtility.HtmlDecode(Tag().Replace(html, string.Empty));

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    private sealed record RenderedCard(string Name, IReadOnlyList<RenderedText> Blocks);
}

/// <summary>One TextBlock's (or Fact's) text and the HTML the reference renderer makes of it.</summary>
internal sealed record RenderedText(string Text, string Html);
