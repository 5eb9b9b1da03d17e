using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SofSBot.Tests.Cards;

/// <summary>
/// Runs render-markdown.mjs: the Markdown of every TextBlock and Fact in the given cards, as the npm
/// <c>adaptivecards</c> reference renderer turns it into HTML (with markdown-it, its processor).
/// </summary>
internal static partial class ReferenceMarkdownRenderer
{
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<RenderedText>>> RenderAsync(
        IReadOnlyDictionary<string, JsonNode> cardsByName, CancellationToken cancellationToken)
    {
        var results = await CardScript.RunAsync<RenderedCard>("render-markdown.mjs", "markdown-it", cardsByName, cancellationToken);
        return results.ToDictionary(result => result.Name, result => result.Blocks, StringComparer.Ordinal);
    }

    /// <summary>What a reader sees of rendered HTML: the text without tags, entities decoded.</summary>
    public static string Visible(string html) => WebUtility.HtmlDecode(Tag().Replace(html, string.Empty));

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    private sealed record RenderedCard(string Name, IReadOnlyList<RenderedText> Blocks);
}

/// <summary>One TextBlock's (or Fact's) text and the HTML the reference renderer makes of it.</summary>
internal sealed record RenderedText(string Text, string Html);
