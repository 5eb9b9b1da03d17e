namespace SofSBot.Localization;

/// <summary>A text kept in both languages, e.g. a goal title that a coordinator can edit.</summary>
internal sealed record LocalizedText(string Swedish, string English)
{
    public string In(Language language) => language == Language.English ? English : Swedish;
}
