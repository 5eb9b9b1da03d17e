using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SofSBot.BotFramework.Cards;

/// <summary>
/// Writes a column's weight as the number the schema asks for ("width": 2) and every other width as
/// text; reads either back as text.
/// </summary>
internal sealed class ColumnWidthConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Number => reader.GetDecimal().ToString(CultureInfo.InvariantCulture),
        JsonTokenType.String => reader.GetString(),
        _ => throw new JsonException("A column width is a number or text."),
    };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        if (decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var weight))
        {
            writer.WriteNumberValue(weight);
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
