namespace SofSBot.Routines.AppreciativeInquiry;

/// <summary>
/// The member the team interviews: proposed for their highlight (<see cref="HighlightAddedAt"/> names
/// which one) or a volunteer (<see cref="HighlightAddedAt"/> is null).
/// </summary>
internal sealed record Interviewee(string UserId, string UserName, DateTimeOffset? HighlightAddedAt)
{
    public bool Volunteered => HighlightAddedAt is null;

    public static Interviewee ProposedFor(Highlights.Highlight highlight) => new(highlight.UserId, highlight.UserName, highlight.AddedAt);

    // Within a millisecond: storage may keep times less precisely than the clock gave them.
    public bool IsFor(Highlights.Highlight highlight) =>
        HighlightAddedAt is { } addedAt
        && Math.Abs((addedAt - highlight.AddedAt).Ticks) < TimeSpan.TicksPerMillisecond
        && string.Equals(UserId, highlight.UserId, StringComparison.Ordinal);
}
