using System.Text.Json.Serialization;

namespace SofSBot.BotFramework.Cards;

[JsonConverter(typeof(CamelCaseEnumConverter<TextSize>))]
public enum TextSize
{
    Default,
    Small,
    Medium,
    Large,
    ExtraLarge,
}
