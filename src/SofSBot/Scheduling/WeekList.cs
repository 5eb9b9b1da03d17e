using System.Globalization;

namespace SofSBot.Scheduling;

/// <summary>Reads week lists as people write them: "11, 38", "28-31", "28–31, 52".</summary>
internal static class WeekList
{
    public static bool TryParse(string? text, out IReadOnlyList<int> weeks)
    {
        var result = new SortedSet<int>();
        weeks = [];
        foreach (var part in (text ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var range = part.Replace('–', '-').Replace('—', '-').Split('-', StringSplitOptions.TrimEntries);
            if (range.Length is < 1 or > 2
                || !int.TryParse(range[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
                || !int.TryParse(range[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var last)
                || first < 1 || last > 53 || first > last)
            {
                return false;
            }

            for (var week = first; week <= last; week++)
            {
                result.Add(week);
            }
        }

        weeks = [.. result];
        return true;
    }

    /// <summary>Writes weeks back compactly: 11, 28–31, 38.</summary>
    public static string Format(IReadOnlyList<int> weeks)
    {
        var parts = new List<string>();
        for (var i = 0; i < weeks.Count; i++)
        {
            var start = weeks[i];
            while (i + 1 < weeks.Count && weeks[i + 1] == weeks[i] + 1)
            {
                i++;
            }

            parts.Add(start == weeks[i]
                ? start.ToString(CultureInfo.InvariantCulture)
                : string.Create(CultureInfo.InvariantCulture, $"{start}–{weeks[i]}"));
        }

        return string.Join(", ", parts);
    }
}
