using System.Text.Json;
using System.Text.Json.Serialization;

namespace SofSBot.BotFramework.Cards;

/// <summary>Writes enum values as the camelCase strings of the Adaptive Card schema ("extraLarge").</summary>
public sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where TEnum : struct, Enum;
