namespace SofSBot.Ratings.Disclosure;

/// <summary>
/// Statistical disclosure control: the one place that decides which figures and counts of rating
/// answers may be shown, for the rating cards, <c>resultat</c>, every export sheet, the CSV files,
/// the follow-up report and the period-end card. Plain code, no I/O.
/// <list type="number">
/// <item><b>Primary suppression.</b> A group (a team in a period, a goal in a round) with 1 to
/// threshold − 1 respondents shows no figure (mean, median, share, distribution, response rate, raw
/// answer) and no exact count, only "fewer than threshold". A group of 0 shows its 0.</item>
/// <item><b>Secondary suppression: the total gives way.</b> A total over disjoint groups (the
/// organisation over its teams) shows no figure and no count when its respondents minus those of the
/// shown groups — the hidden groups together — number 1 to threshold − 1. A remainder of 0 or of
/// threshold or more is no one's figure: it is the hidden groups together, at least threshold
/// answers. A total below the threshold is suppressed like a group.</item>
/// </list>
/// The total gives way rather than another group so that a group's own figures never depend on other
/// groups: a team's results card in Teams and the team's row in the export always agree, and no one
/// can subtract a team's card from the export. Each period is decided alone (a year-over-year change
/// is shown only when both sides are); answer rows are exported only for the groups shown.
/// </summary>
internal static class StatisticalDisclosure
{
    /// <summary>What may be shown of one group on its own.</summary>
    public static Suppression ForGroup(int respondents, int threshold)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(respondents);
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 2);
        return respondents == 0 ? Suppression.NoAnswers : respondents < threshold ? Suppression.TooFew : Suppression.None;
    }

    /// <summary>What may be shown of disjoint groups and of their total (whose respondents are the groups' sum).</summary>
    public static DisclosedTable ForTable(IReadOnlyList<int> groupRespondents, int threshold)
    {
        var groups = groupRespondents.Select(respondents => ForGroup(respondents, threshold)).ToList();
        var total = ForGroup(groupRespondents.Sum(), threshold);
        if (total == Suppression.None)
        {
            var remainder = groupRespondents.Where((_, i) => groups[i] == Suppression.TooFew).Sum();
            if (remainder > 0 && remainder < threshold)
            {
                total = Suppression.ProtectsSmallGroup;
            }
        }

        return new DisclosedTable(groups, total);
    }

    /// <summary>Whether a change between two figures may be shown: only when both are.</summary>
    public static bool MayCompare(Suppression now, Suppression before) => now == Suppression.None && before == Suppression.None;

    /// <summary>Whether a count may be shown exactly: 0, or at or above the threshold and not protecting a smaller group.</summary>
    public static bool ShowsCount(Suppression suppression) => suppression is Suppression.None or Suppression.NoAnswers;

    /// <summary>A count as it may be shown: the number, "&lt; 3" for too few, null when it must not be shown at all.</summary>
    public static string? CountText(int respondents, Suppression suppression, int threshold, IFormatProvider culture) => suppression switch
    {
        Suppression.None or Suppression.NoAnswers => respondents.ToString(culture),
        Suppression.TooFew => FewerThan(threshold, culture),
        _ => null,
    };

    /// <summary>"&lt; 3": a count below the threshold, the same in Swedish and English.</summary>
    public static string FewerThan(int threshold, IFormatProvider culture) => "< " + threshold.ToString(culture);
}
