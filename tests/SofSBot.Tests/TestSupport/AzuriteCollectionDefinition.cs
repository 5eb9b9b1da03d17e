using SofSBot.TestSupport;

namespace SofSBot.Tests.TestSupport;

/// <summary>Test classes marked <c>[Collection(AzuriteCollection.Name)]</c> share one Azurite.</summary>
[CollectionDefinition(AzuriteCollection.Name)]
public sealed class AzuriteCollectionDefinition : ICollectionFixture<AzuriteFixture>;
