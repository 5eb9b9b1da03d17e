using System.Text.Json.Serialization;

namespace SofSBot.BotFramework.Cards;

[JsonConverter(typeof(CamelCaseEnumConverter<TextWeight>))]
public enum TextWeight
{
    Default,
    Lighter,
    Bolder,
}
