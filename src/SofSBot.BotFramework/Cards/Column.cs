using System.Text.Json.Serialization;

namespace SofSBot.BotFramework.Cards;

/// <summary>A column of a <see cref="ColumnSet"/>; <see cref="Width"/> is <c>auto</c>, <c>stretch</c> or a weight.</summary>
public sealed record Column(IReadOnlyList<CardElement> Items)
{
    [JsonPropertyOrder(-1)]
    public string Type { get; } = "Column";

    /// <summary><c>auto</c>, <c>stretch</c>, a pixel width (<c>50px</c>) or a relative weight (<c>2</c>, written as a number).</summary>
    [JsonConverter(typeof(ColumnWidthConverter))]
    public string? Width { get; init; }

    public string? VerticalContentAlignment { get; init; }
}
