using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using SofSBot.BotFramework;

namespace SofSBot.Tests.Cards;

/// <summary>Every <see cref="ICardSamples"/> in this assembly, and their samples as the bot would send them.</summary>
internal static class CardSampleCatalog
{
    private static readonly Lazy<IReadOnlyList<Type>> LazySampleTypes = new(() =>
    [
        .. typeof(ICardSamples).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(ICardSamples).IsAssignableFrom(type))
            .OrderBy(type => type.Name, StringComparer.Ordinal),
    ]);

    private static readonly Lazy<IReadOnlyList<CardSample>> LazySamples = new(() =>
    [
        .. SampleTypes.SelectMany(type => ((ICardSamples)Activator.CreateInstance(type, nonPublic: true)!).Samples()),
    ]);

    public static IReadOnlyList<Type> SampleTypes => LazySampleTypes.Value;

    public static IReadOnlyList<CardSample> Samples => LazySamples.Value;

    /// <summary>The card exactly as it goes on the wire: serialized with the bot's own options.</summary>
    public static JsonObject WireJson(CardSample sample) =>
        JsonSerializer.SerializeToNode(sample.Card, BotJson.Options)!.AsObject();
}
