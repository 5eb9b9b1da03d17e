using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SofSBot.BotFramework;

/// <summary>The JSON settings of the Bot Framework wire format: camelCase, nulls left out.</summary>
public static class BotJson
{
    /// <summary>Options for reading and writing activities, cards and connector payloads.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Teams sends numbers as numbers, but a defensive reader costs nothing.
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            MaxDepth = 64,
            // The wire is JSON over HTTPS, never embedded in HTML: keep å, ä, ö and quotes readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
