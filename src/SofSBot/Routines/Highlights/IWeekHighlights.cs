namespace SofSBot.Routines.Highlights;

/// <summary>One member's highlight of a week, as stored (text kept for the retention period only).</summary>
internal sealed record Highlight(string UserId, string UserName, string Text, DateTimeOffset AddedAt);

/// <summary>
/// The team's highlights of one ISO week, for routines that build on them: the appreciative
/// inquiry proposes one of them.
/// </summary>
internal interface IWeekHighlights
{
    Task<IReadOnlyList<Highlight>> ListAsync(string teamId, int isoYear, int isoWeek, CancellationToken cancellationToken);
}
