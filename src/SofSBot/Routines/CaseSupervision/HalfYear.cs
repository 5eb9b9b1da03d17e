using System.Globalization;

namespace SofSBot.Routines.CaseSupervision;

/// <summary>
/// The half-year presentations are counted in: spring (January–June, <see cref="Half"/> 1) or
/// autumn (July–December, 2), by the date of the meeting the case was brought to.
/// </summary>
internal readonly record struct HalfYear(int Year, int Half)
{
    public static HalfYear Of(DateOnly meetingDate) => new(meetingDate.Year, meetingDate.Month <= 6 ? 1 : 2);

    public bool IsSpring => Half == 1;

    /// <summary><c>2026-H1</c>: part of the table's partition key.</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{Year}-H{Half}");

    /// <summary>
    /// The members' target for this half-year out of a target per year. An even target is split in
    /// half. An odd one gives spring the larger half (rounded up) and autumn the rest of the year, so
    /// the two add up to the year's target: 3 a year is 2 in spring and 1 in autumn, 1 a year is 1 in
    /// spring and none in autumn. Spring first, because a case brought early leaves autumn free.
    /// </summary>
    public int TargetOf(int presentationsPerYear)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(presentationsPerYear);
        var spring = (presentationsPerYear + 1) / 2;
        return IsSpring ? spring : presentationsPerYear - spring;
    }
}
