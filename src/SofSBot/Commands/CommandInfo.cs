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

    public string NameIn(Language language) => language == Language.English ? EnglishName : SwedishName;

    public string DescriptionIn(Language language) => language == Language.English ? EnglishDescription : SwedishDescription;
}
