using SofSBot.Routines.Highlights;

namespace SofSBot.Routines.AppreciativeInquiry;

/// <summary>
/// Which of the week's highlights to propose for the interview. The rule, in the order highlights
/// were shared: the first whose owner was not interviewed at the team's previous meeting (so one
/// member is not asked two weeks running while others have highlights), else the first. "Suggest
/// another" moves on to the next highlight of someone else, round the list; null means there is
/// no other highlight, and the card asks for a volunteer. No I/O.
/// </summary>
internal static class HighlightProposal
{
    public static Highlight? First(IReadOnlyList<Highlight> highlights, string? previousIntervieweeId)
    {
        var ordered = InOrder(highlights);
        return ordered.FirstOrDefault(h => !string.Equals(h.UserId, previousIntervieweeId, StringComparison.Ordinal))
            ?? ordered.FirstOrDefault();
    }

    /// <param name="current">The interviewee shown now; a volunteer or nobody starts the list from the top.</param>
    public static Highlight? Next(IReadOnlyList<Highlight> highlights, Interviewee? current, string? previousIntervieweeId)
    {
        var ordered = InOrder(highlights);
        var index = current is null ? -1 : ordered.FindIndex(current.IsFor);
        if (index < 0)
        {
            // Nothing proposed from this list: the meeting wants a highlight rather than the volunteer.
            return First(highlights.Where(h => !string.Equals(h.UserId, current?.UserId, StringComparison.Ordinal)).ToList(), previousIntervieweeId)
                ?? First(highlights, previousIntervieweeId);
        }

        var others = Enumerable.Range(1, ordered.Count - 1).Select(step => ordered[(index + step) % ordered.Count]).ToList();
        return others.FirstOrDefault(h => !string.Equals(h.UserId, current!.UserId, StringComparison.Ordinal)) ?? others.FirstOrDefault();
    }

    private static List<Highlight> InOrder(IEnumerable<Highlight> highlights) =>
        [.. highlights.OrderBy(h => h.AddedAt).ThenBy(h => h.UserId, StringComparer.Ordinal)];
}
