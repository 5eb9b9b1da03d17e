using SofSBot.BotFramework.Cards;
using SofSBot.Localization;

namespace SofSBot.Tests.Cards;

/// <summary>Samples of one card state in each of the bot's languages.</summary>
internal static class LanguageSamples
{
    /// <summary>One sample per language, named <c>{name}-sv</c>, <c>{name}-en</c>.</summary>
    public static IEnumerable<CardSample> InEveryLanguage(string name, string description, Func<Language, AdaptiveCard> card) =>
        Enum.GetValues<Language>().Select(language =>
            new CardSample($"{name}-{language.Code()}", $"{description} ({language})", card(language)));
}
