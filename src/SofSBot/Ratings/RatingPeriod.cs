using System.Globalization;
using System.Text;

namespace SofSBot.Ratings;

/// <summary>
/// A rating period such as "2025 vår": the surveys of one half-year, exported together.
/// <see cref="PeriodId"/> (e.g. <c>2025-1</c>) is part of the answers' partition keys, so it is given
/// once, when the period is made, and never changes with the name or the dates.
/// </summary>
internal sealed record RatingPeriod(string PeriodId, string Name, DateOnly StartDate, DateOnly EndDate)
{
    public bool Contains(DateOnly date) => date >= StartDate && date <= EndDate;

    public bool Overlaps(RatingPeriod other) => StartDate <= other.EndDate && other.StartDate <= EndDate;

    /// <summary>The half-year a date falls in, used until a coordinator sets the periods: spring Jan–Jun, autumn Jul–Dec.</summary>
    public static RatingPeriod DefaultFor(DateOnly date)
    {
        var year = date.Year.ToString(CultureInfo.InvariantCulture);
        return date.Month <= 6
            ? new RatingPeriod($"{year}-1", $"{year} vår", new DateOnly(date.Year, 1, 1), new DateOnly(date.Year, 6, 30))
            : new RatingPeriod($"{year}-2", $"{year} höst", new DateOnly(date.Year, 7, 1), new DateOnly(date.Year, 12, 31));
    }

    /// <summary>
    /// The period a date falls in when no stored period holds it: its half-year, cut short where it
    /// meets a stored period (a coordinator may have shortened one), so periods never overlap.
    /// </summary>
    public static RatingPeriod DefaultFor(DateOnly date, IReadOnlyCollection<RatingPeriod> existing)
    {
        var half = DefaultFor(date);
        var start = existing.Where(period => period.EndDate < date).Select(period => period.EndDate.AddDays(1)).Append(half.StartDate).Max();
        var end = existing.Where(period => period.StartDate > date).Select(period => period.StartDate.AddDays(-1)).Append(half.EndDate).Min();
        var id = NewId(start, existing);
        return new RatingPeriod(id, FreeName(half.Name, start, end, id, existing), start, end);
    }

    /// <summary>
    /// True when <paramref name="name"/> could not be told from <paramref name="other"/> where periods
    /// are picked by name (the export): the same name or id once case, spaces, dashes and diacritics
    /// are dropped ("2025 Vår" is "2025 vår" is "2025-var").
    /// </summary>
    public static bool NamesClash(RatingPeriod other, string name)
    {
        var key = NameKey(name);
        return key.Length > 0 && (key == NameKey(other.Name) || key == NameKey(other.PeriodId));
    }

    /// <summary>"2025 Vår" → "2025-var": lower case, diacritics dropped, anything else than letters and digits a dash.</summary>
    public static string NameKey(string text)
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

    /// <summary>
    /// The half-year's name ("2026 vår") when no period has it yet (a coordinator may have given it to
    /// a shortened period), else the dates ("2026-01-01 – 2026-03-31"), else the dates and the id.
    /// </summary>
    public static string FreeName(string halfName, DateOnly start, DateOnly end, string id, IReadOnlyCollection<RatingPeriod> existing)
    {
        var dates = $"{IsoDate(start)} – {IsoDate(end)}";
        return new[] { halfName, dates }.FirstOrDefault(name => !existing.Any(period => NamesClash(period, name))) ?? $"{dates} ({id})";
    }

    private static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// The id of a new period starting on <paramref name="start"/>: its half-year's (<c>2025-1</c>,
    /// <c>2025-2</c>) when no period has that id yet, else the start date (<c>2025-04-01</c>), which is
    /// free because periods do not overlap, so no two start on the same day.
    /// </summary>
    public static string NewId(DateOnly start, IEnumerable<RatingPeriod> existing)
    {
        var halfId = DefaultFor(start).PeriodId;
        return existing.Any(period => period.PeriodId == halfId)
            ? start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : halfId;
    }
}
