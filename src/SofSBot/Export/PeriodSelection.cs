using System.Globalization;
using System.Text;
using SofSBot.Ratings;

namespace SofSBot.Export;

/// <summary>The periods asked for, and the names that matched none.</summary>
internal sealed record PeriodSelection(IReadOnlyList<RatingPeriod> Periods, IReadOnlyList<string> Unknown);

/// <summary>Finds periods by id (<c>2025-1</c>) or by name typed without diacritics or spaces (<c>2025-var</c> for "2025 vår").</summary>
internal static class PeriodSelector
{
    public static PeriodSelection Select(IReadOnlyList<RatingPeriod> periods, IEnumerable<string> requested)
    {
        var found = new List<RatingPeriod>();
        var unknown = new List<string>();
        foreach (var name in requested.Where(name => !string.IsNullOrWhiteSpace(name)))
        {
            var key = Slug(name);
            var period = periods.FirstOrDefault(p => string.Equals(p.PeriodId, name.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? periods.FirstOrDefault(p => Slug(p.Name) == key || Slug(p.PeriodId) == key);
            if (period is null)
            {
                unknown.Add(name.Trim());
            }
            else if (!found.Contains(period))
            {
                found.Add(period);
            }
        }

        return new PeriodSelection([.. found.OrderBy(period => period.StartDate)], unknown);
    }

    /// <summary>The same half-year a year earlier: the period starting a year before, or the one whose id has the year before.</summary>
    public static RatingPeriod? YearEarlier(IReadOnlyList<RatingPeriod> periods, RatingPeriod period)
    {
        var start = period.StartDate.AddYears(-1);
        var year = period.StartDate.Year.ToString(CultureInfo.InvariantCulture);
        var earlierId = period.PeriodId.StartsWith(year, StringComparison.Ordinal)
            ? (period.StartDate.Year - 1).ToString(CultureInfo.InvariantCulture) + period.PeriodId[year.Length..]
            : null;
        return periods.FirstOrDefault(p => p.StartDate == start)
            ?? periods.FirstOrDefault(p => string.Equals(p.PeriodId, earlierId, StringComparison.Ordinal));
    }

    /// <summary>"2025 Vår" → "2025-var": lower case, diacritics dropped, anything else than letters and digits a dash.</summary>
    public static string Slug(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().TrimEnd('-');
    }
}
