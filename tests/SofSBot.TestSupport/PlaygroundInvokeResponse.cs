using System.Text.Json.Nodes;

namespace SofSBot.TestSupport;

/// <summary>
/// The bot's invoke response as the Playground passes it back (without <c>statusCode</c>), e.g.
/// <c>application/vnd.microsoft.card.adaptive</c> with the replacement card as <see cref="Value"/>.
/// </summary>
public sealed record PlaygroundInvokeResponse(string? Type, JsonNode? Value);
