using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SofSBot.Deployment.Tests.Support;

internal static class ArmJson
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The node as JSON text with ARM expressions readable (quotes not escaped as \u0027).</summary>
    public static string ToArmText(this JsonNode node) => node.ToJsonString(Readable);
}
