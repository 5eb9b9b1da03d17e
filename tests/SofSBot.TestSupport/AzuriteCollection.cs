using System.Diagnostics.CodeAnalysis;

namespace SofSBot.TestSupport;

/// <summary>
/// The name of the xunit collection whose classes share one <see cref="AzuriteFixture"/>:
/// <c>[Collection(AzuriteCollection.Name)]</c>. xunit 2 finds collection definitions only in the
/// test assembly itself, so each test project declares (once):
/// <code>
/// [CollectionDefinition(AzuriteCollection.Name)]
/// public sealed class AzuriteCollectionDefinition : ICollectionFixture&lt;AzuriteFixture&gt;;
/// </code>
/// </summary>
[SuppressMessage("Naming", "CA1711", Justification = "Named after the xunit collection it identifies.")]
public static class AzuriteCollection
{
    /// <summary>The collection name.</summary>
    public const string Name = "Azurite";
}
