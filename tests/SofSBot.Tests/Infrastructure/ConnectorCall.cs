using System.Text.Json.Nodes;

namespace SofSBot.Tests.Infrastructure;

/// <summary>One request the bot made to the connector.</summary>
internal sealed record ConnectorCall(HttpMethod Method, string Path, JsonNode? Body)
{
    /// <summary>The Adaptive Card in the posted activity, if any.</summary>
    public JsonNode? Card => Body?["attachments"]?[0]?["content"] ?? Body?["activity"]?["attachments"]?[0]?["content"];

    public string? Text => Body?["text"]?.GetValue<string>();
}
