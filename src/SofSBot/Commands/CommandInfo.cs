using SofSBot.Localization;
using SofSBot.Roles;

namespace SofSBot.Commands;

/// <summary>
/// How a command is typed and described: its Swedish and English words (both work in either
/// language), who may use it and what it does, for the help card.
/// </summary>
internal sealed record CommandInfo(
    string SwedishName,
    string EnglishName,
    string SwedishDescription,
    string EnglishDescription,
    CommandAudience Audience,
    IReadOnlyList<string>? OtherAliases = null)
{
    public IEnumerable<string> Aliases => [SwedishName, EnglishName, .. OtherAliases ?? []];

    /// <summary>
    /// The language a command word belongs to, when it belongs to one only: someone who writes
    /// "hjälp" wants Swedish even if their Teams is set to English.
    /// </summary>
    public Language? LanguageOf(string word) =>
        string.Equals(SwedishName, EnglishName, StringComparison.OrdinalIgnoreCase) ? null
        : string.Equals(word, SwedishName, StringComparison.OrdinalIgnoreCase) ? Language.Swedish
        : string.Equals(word, EnglishName, StringComparison.OrdinalIgnoreCase) ? Language.English
        : null;

    public string NameIn(Language language) => language == Language.English ? EnglishName : SwedishName;

    public string DescriptionIn(Language language) => language == Language.English ? EnglishDescription : SwedishDescription;
}
