using System.Globalization;
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

            // An id typed as it is wins; a name must match one period only (names are kept apart when
            // they are saved, but periods stored before that may share one): an ambiguous name is unknown.
            var byName = periods.Where(p => Slug(p.Name) == key || Slug(p.PeriodId) == key).ToList();
            var period = periods.FirstOrDefault(p => string.Equals(p.PeriodId, name.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? (byName.Count == 1 ? byName[0] : null);
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

    /// <summary>
    /// What to type to pick <paramref name="period"/>: its name as a slug, or its id when another period's
    /// name or id has the same slug.
    /// </summary>
    public static string Handle(IReadOnlyList<RatingPeriod> periods, RatingPeriod period)
    {
        var slug = Slug(period.Name);
        return periods.Any(other => other != period && (Slug(other.Name) == slug || Slug(other.PeriodId) == slug)) ? period.PeriodId : slug;
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

    /// <summary>"2025 Vår" → "2025-var" (see <see cref="RatingPeriod.NameKey"/>).</summary>
    public static string Slug(string text) => RatingPeriod.NameKey(text);
}
