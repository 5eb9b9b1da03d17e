using System.Reflection;

namespace SofSBot.Deployment.Tests.Support;

/// <summary>Where a configuration key lands: a property of an options class, and a list index if any.</summary>
internal sealed record ConfigurationTarget(Type OptionsType, PropertyInfo Property, int? Index)
{
    /// <summary>The bound value as text, for comparison with the configured value.</summary>
    public string? ReadFrom(object options)
    {
        var value = Property.GetValue(options);
        return Index is { } index
            ? (value as System.Collections.IList) is { } list && index < list.Count ? list[index]?.ToString() : null
            : value?.ToString();
    }
}
