using System.Globalization;

namespace SofSBot.Tests.Export;

/// <summary>
/// What a coordinator with a spreadsheet can work out from one table of groups and their total:
/// a group below the threshold read directly (its n or any figure), or recovered by subtraction
/// (the total's answers minus those of the groups whose figures are shown). Collects every leak
/// found, each described, so a test names them all.
/// </summary>
internal sealed class DisclosureAttacker(int threshold)
{
    private readonly List<string> _leaks = [];

    public IReadOnlyList<string> Leaks => _leaks;

    /// <summary>One group as shown: its true count, and what of it can be read.</summary>
    /// <param name="TrueCount">How many really answered (from the dataset, not the file).</param>
    /// <param name="ShownCount">The count the file shows or lets be computed exactly (e.g. from a response rate); null when hidden.</param>
    /// <param name="ShowsFigures">Whether a mean, median, share, change or raw answer of the group is shown.</param>
    internal sealed record Group(string Name, int TrueCount, int? ShownCount, bool ShowsFigures);

    /// <param name="where">Where the table is, for the message.</param>
    /// <param name="groups">Every group of the total, also those the file does not list (their truth counts).</param>
    /// <param name="total">The total as shown: its true count is the groups' sum.</param>
    public void Attack(string where, IReadOnlyList<Group> groups, int? totalShownCount, bool totalShowsFigures)
    {
        foreach (var group in groups.Where(group => group.TrueCount is > 0 && group.TrueCount < threshold))
        {
            if (group.ShownCount is not null)
            {
                _leaks.Add($"{where}: {group.Name} shows its count {group.ShownCount} (below {threshold})");
            }

            if (group.ShowsFigures)
            {
                _leaks.Add($"{where}: {group.Name} shows figures of {group.TrueCount} answers (below {threshold})");
            }
        }

        var trueTotal = groups.Sum(group => group.TrueCount);
        if (trueTotal is > 0 && trueTotal < threshold && (totalShowsFigures || totalShownCount is not null))
        {
            _leaks.Add($"{where}: the total of {trueTotal} answers (below {threshold}) is shown");
            return;
        }

        // The figures of the hidden groups together: total × mean minus the shown groups' n × mean.
        var hidden = trueTotal - groups.Where(group => group.ShowsFigures).Sum(group => group.TrueCount);
        if (totalShowsFigures && hidden is > 0 && hidden < threshold)
        {
            var names = string.Join(", ", groups.Where(group => !group.ShowsFigures && group.TrueCount > 0).Select(group => group.Name));
            _leaks.Add($"{where}: the total minus the shown groups recovers the figures of {hidden} answers ({names})");
        }

        // The count of the hidden groups together: the total's count minus the shown counts.
        if (totalShownCount is { } shownTotal)
        {
            var remainder = shownTotal - groups.Sum(group => group.ShownCount ?? 0);
            if (remainder is > 0 && remainder < threshold)
            {
                _leaks.Add($"{where}: the total's count minus the shown counts gives {remainder} (below {threshold})");
            }
        }
    }

    /// <summary>Something else that must not be (e.g. an answer time to the minute).</summary>
    public void Leak(string description) => _leaks.Add(description);

    /// <summary>A number as the workbook keeps it (invariant), or null for text such as "&lt; 3" and empty cells.</summary>
    public static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>A number as the Swedish CSV or the report writes it ("7,5", "80 %", "−0,5"), or null.</summary>
    public static double? SwedishNumber(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var cleaned = text.Replace('\u2212', '-').Replace("%", string.Empty, StringComparison.Ordinal).Replace('\u00a0', ' ').Trim().Replace(',', '.');
        return double.TryParse(cleaned, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;
    }

    /// <summary>The count a share (0–1) of <paramref name="roster"/> stands for, when it is a whole number.</summary>
    public static int? CountFromShare(double? share, int roster)
    {
        if (share is not { } value || roster <= 0)
        {
            return null;
        }

        var count = value * roster;
        return Math.Abs(count - Math.Round(count)) < 1e-6 ? (int)Math.Round(count) : null;
    }

    /// <summary>The only count that a percentage rounded to whole per cent of <paramref name="roster"/> can stand for, or null.</summary>
    public static int? CountFromRate(double? percent, int roster)
    {
        if (percent is not { } shown || roster <= 0)
        {
            return null;
        }

        var candidates = Enumerable.Range(0, roster + 1).Where(k => Math.Abs(Math.Round(100.0 * k / roster, MidpointRounding.AwayFromZero) - shown) < 0.001).ToList();
        return candidates.Count == 1 ? candidates[0] : null;
    }
}
