using SofSBot.Scheduling;

namespace SofSBot.Routines.Highlights;

/// <summary>
/// The week's highlights per team. Every change is tied to a card's meeting of that team and week,
/// and a member can only write their own highlight: the user id always comes from the caller's turn.
/// </summary>
internal interface IHighlightsStore
{
    /// <summary>Remembers a posted card's meeting; storing the same meeting again changes nothing.</summary>
    Task AddMeetingAsync(RoutineMeeting meeting, CancellationToken cancellationToken);

    Task<HighlightsBoard> ReadAsync(string teamId, IsoWeek week, CancellationToken cancellationToken);

    /// <summary>Only the week's version: whether it changed since a card was rendered.</summary>
    Task<long> ReadVersionAsync(string teamId, IsoWeek week, CancellationToken cancellationToken);

    /// <summary>Adds the member's highlight of the week, or replaces it: one highlight per member and week.</summary>
    Task<HighlightWrite> SaveAsync(string teamId, IsoWeek week, string meetingId, string userId, string userName, string text, CancellationToken cancellationToken);

    Task<HighlightWrite> RemoveAsync(string teamId, IsoWeek week, string meetingId, string userId, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes every highlight added before <paramref name="cutoff"/>, in all teams; returns the weeks
    /// it deleted from (so their cards can be replaced) and how many in each.
    /// </summary>
    Task<IReadOnlyList<DeletedHighlights>> DeleteAddedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
