using System.Globalization;

namespace SofSBot.Ratings;

/// <summary>
/// A rating period such as "2025 vår": the surveys of one half-year, exported together.
/// <see cref="PeriodId"/> (e.g. <c>2025-1</c>) is part of the answers' partition keys.
/// </summary>
internal sealed record RatingPeriod(string PeriodId, string Name, DateOnly StartDate, DateOnly EndDate)
{
    public bool Contains(DateOnly date) => date >= StartDate && date <= EndDate;

    /// <summary>The half-year a date falls in, used until a coordinator sets the periods: spring Jan–Jun, autumn Jul–Dec.</summary>
    public static RatingPeriod DefaultFor(DateOnly date)
    {
        var year = date.Year.ToString(CultureInfo.InvariantCulture);
        return date.Month <= 6
            ? new RatingPeriod($"{year}-1", $"{year} vår", new DateOnly(date.Year, 1, 1), new DateOnly(date.Year, 6, 30))
            : new RatingPeriod($"{year}-2", $"{year} höst", new DateOnly(date.Year, 7, 1), new DateOnly(date.Year, 12, 31));
    }
}
