using System.Globalization;

namespace SofSBot.Scheduling;

/// <summary>
/// One occurrence of a schedule. <see cref="LocalDate"/> and <see cref="LocalTime"/> are the slot the
/// rule names; <see cref="At"/> is the instant it happens, carrying the zone's offset at that moment
/// (its wall-clock time differs from <see cref="LocalTime"/> only when the slot falls in a spring-forward gap).
/// </summary>
internal sealed record Occurrence(DateOnly LocalDate, TimeOnly LocalTime, DateTimeOffset At, int IsoYear, int IsoWeek)
{
    /// <summary>
    /// Stable identity of the slot, e.g. "2025-03-31T08:30", for claiming it exactly once. It comes
    /// from the rule's wall-clock slot, not the instant, so time-zone data updates do not change it.
    /// </summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{LocalDate:yyyy-MM-dd}T{LocalTime:HH:mm}");
}
