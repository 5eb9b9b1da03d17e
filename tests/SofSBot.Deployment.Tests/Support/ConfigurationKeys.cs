using System.Reflection;
using SofSBot.BotFramework;

namespace SofSBot.Deployment.Tests.Support;

/// <summary>
/// The configuration keys the app reads: every property of an options class with a
/// <c>SectionName</c>, in the app and in the protocol layer, as <c>Section:Property</c>.
/// </summary>
internal static class ConfigurationKeys
{
    private static readonly Lazy<IReadOnlyDictionary<string, Type>> Sections = new(FindSections);

    /// <summary>The options class and property a key binds to (an index such as <c>:0</c> picks a list item), or null.</summary>
    public static ConfigurationTarget? Resolve(string key)
    {
        var parts = key.Split(':');
        int? index = int.TryParse(parts[^1], out var i) ? i : null;
        if (index is not null)
        {
            parts = parts[..^1];
        }

        if (parts.Length < 2 || !Sections.Value.TryGetValue(string.Join(':', parts[..^1]), out var optionsType))
        {
            return null;
        }

        var property = optionsType.GetProperty(parts[^1], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        return property is { CanWrite: true } ? new ConfigurationTarget(optionsType, property, index) : null;
    }

    /// <summary>An App Service setting name as the .NET configuration key it becomes ('__' is ':').</summary>
    public static string FromAppSettingName(string name) => name.Replace("__", ":", StringComparison.Ordinal);

    private static Dictionary<string, Type> FindSections() =>
        new[] { typeof(Program).Assembly, typeof(BotOptions).Assembly }
            .SelectMany(assembly => assembly.GetTypes())
            .Select(type => (Type: type, Field: type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)))
            .Where(entry => entry.Field is { IsLiteral: true } && entry.Field.FieldType == typeof(string))
            .ToDictionary(entry => (string)entry.Field!.GetRawConstantValue()!, entry => entry.Type, StringComparer.OrdinalIgnoreCase);
}
