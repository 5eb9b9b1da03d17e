using System.Text.Json.Serialization;

namespace SofSBot.BotFramework.Cards;

[JsonConverter(typeof(CamelCaseEnumConverter<TextColor>))]
public enum TextColor
{
    Default,
    Dark,
    Light,
    Accent,
    Good,
    Warning,
    Attention,
}
