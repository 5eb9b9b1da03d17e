using SofSBot.BotFramework.Cards;

namespace SofSBot.Tests.Cards;

/// <summary>
/// A feature's cards in representative states. Every implementation in this assembly is found by
/// reflection: each sample is checked by the Adaptive Cards reference parser and rendered for the
/// README's screenshots, so a new card is covered by adding its samples here.
/// </summary>
internal interface ICardSamples
{
    IEnumerable<CardSample> Samples();
}

/// <param name="Name">A file-name-safe, unique name, e.g. <c>highlights-three-members-sv</c>.</param>
/// <param name="Description">What state the sample shows, for the README.</param>
internal sealed record CardSample(string Name, string Description, AdaptiveCard Card);
