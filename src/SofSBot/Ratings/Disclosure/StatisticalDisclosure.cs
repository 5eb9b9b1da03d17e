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
/// A team with several rounds in a period is such a total too: each round's results card shows that
/// round, so the team's period figure is withheld when it less the rounds shown would leave 1 to
/// threshold − 1 answers.
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
    public static DisclosedTable ForTable(IReadOnlyList<int> groupRespondents, int threshold) =>
        ForNested([.. groupRespondents.Select(respondents => (IReadOnlyList<int>)[respondents])], threshold);

    /// <summary>
    /// What may be shown of disjoint groups made of parts that are shown on their own elsewhere (a
    /// team's rounds in a period, each on its results card when it has at least the threshold), and
    /// of their total. A group whose hidden parts (below the threshold) number 1..threshold − 1
    /// together, beside parts shown, is withheld; the total is withheld when the hidden parts of the
    /// groups not shown number 1..threshold − 1 together.
    /// </summary>
    public static DisclosedTable ForNested(IReadOnlyList<IReadOnlyList<int>> groupParts, int threshold)
    {
        var groups = new List<Suppression>(groupParts.Count);
        var hidden = 0;
        foreach (var parts in groupParts)
        {
            var respondents = parts.Sum();
            var group = ForGroup(respondents, threshold);
            var hiddenParts = parts.Where(part => part < threshold).Sum();
            if (group == Suppression.None && hiddenParts > 0 && hiddenParts < threshold)
            {
                group = Suppression.ProtectsSmallGroup;
            }

            // What the total less the groups shown (and the parts shown) leaves.
            hidden += group switch
            {
                Suppression.TooFew => respondents,
                Suppression.ProtectsSmallGroup => hiddenParts,
                _ => 0,
            };
            groups.Add(group);
        }

        var total = ForGroup(groupParts.Sum(parts => parts.Sum()), threshold);
        if (total == Suppression.None && hidden > 0 && hidden < threshold)
        {
            total = Suppression.ProtectsSmallGroup;
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
