using System.Text.Json.Serialization;

namespace SofSBot.BotFramework.Cards;

[JsonConverter(typeof(CamelCaseEnumConverter<Spacing>))]
public enum Spacing
{
    Default,
    None,
    Small,
    Medium,
    Large,
    ExtraLarge,
    Padding,
}
