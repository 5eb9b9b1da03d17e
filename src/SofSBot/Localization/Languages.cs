using System.Globalization;

namespace SofSBot.Localization;

internal static class Languages
{
    private static readonly CultureInfo SwedishCulture = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>
    /// The language for a Teams locale: English for any <c>en</c> locale, Swedish otherwise (the
    /// default, also when Teams sends no locale).
    /// </summary>
    public static Language FromLocale(string? locale) =>
        locale is not null && (locale.Equals("en", StringComparison.OrdinalIgnoreCase) || locale.StartsWith("en-", StringComparison.OrdinalIgnoreCase))
            ? Language.English
            : Language.Swedish;

    /// <summary>The culture to format dates and numbers with: the user's own when it is valid.</summary>
    public static CultureInfo CultureFor(string? locale, Language language)
    {
        if (!string.IsNullOrWhiteSpace(locale))
        {
            try
            {
                return CultureInfo.GetCultureInfo(locale);
            }
            catch (CultureNotFoundException)
            {
                // Fall through to the language's culture.
            }
        }

        return language == Language.English ? CultureInfo.GetCultureInfo("en-GB") : SwedishCulture;
    }

    /// <summary>The two-letter code used in cards' <c>lang</c>.</summary>
    public static string Code(this Language language) => language == Language.English ? "en" : "sv";
}
