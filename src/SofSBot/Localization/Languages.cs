using System.Globalization;

namespace SofSBot.Localization;

internal static class Languages
{
    private static readonly CultureInfo SwedishCulture = CultureInfo.GetCultureInfo("sv-SE");

    // With ICU any well-formed name yields a culture, an unknown one with root formatting; only
    // cultures the platform really knows are taken from the client.
    private static readonly HashSet<string> KnownCultureNames =
        new(CultureInfo.GetCultures(CultureTypes.SpecificCultures | CultureTypes.NeutralCultures).Select(c => c.Name), StringComparer.OrdinalIgnoreCase);

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
        if (!string.IsNullOrWhiteSpace(locale) && KnownCultureNames.Contains(locale))
        {
            return CultureInfo.GetCultureInfo(locale);
        }

        return language == Language.English ? CultureInfo.GetCultureInfo("en-GB") : SwedishCulture;
    }

    /// <summary>The two-letter code used in cards' <c>lang</c>.</summary>
    public static string Code(this Language language) => language == Language.English ? "en" : "sv";
}
