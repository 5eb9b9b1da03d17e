using System.Globalization;

namespace SofSBot.Scheduling;

/// <summary>
/// An ISO 8601 week, the week numbering Swedes use ("v. 7"). The week-based year differs from the
/// calendar year around New Year: 2024-12-30 is in week 1 of 2025, 2027-01-01 in week 53 of 2026.
/// Formatting for people is the UI's job.
/// </summary>
internal sealed record IsoWeek(int Year, int Week)
{
    public static IsoWeek Of(DateOnly date)
    {
        var dateTime = date.ToDateTime(TimeOnly.MinValue);
        return new IsoWeek(ISOWeek.GetYear(dateTime), ISOWeek.GetWeekOfYear(dateTime));
    }

    /// <summary>52 or 53.</summary>
    public static int WeeksInYear(int year) => ISOWeek.GetWeeksInYear(year);

    /// <summary>The Monday that starts any date's week (ISO weeks run Monday to Sunday).</summary>
    public static DateOnly MondayOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>The Monday that starts this week.</summary>
    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));
}
