namespace SofSBot.Routines.AppreciativeInquiry;

/// <summary>
/// The appreciative-inquiry boards of a team's meetings, with every version of each meeting's note:
/// the team's learning log.
/// </summary>
internal interface ILearningLog
{
    Task<InquiryBoard?> GetAsync(string teamId, string meetingId, CancellationToken cancellationToken);

    /// <summary>The board's storage version only (0 before the board exists).</summary>
    Task<long> GetVersionAsync(string teamId, string meetingId, CancellationToken cancellationToken);

    /// <summary>
    /// Reads the board (null before it exists), lets <paramref name="decide"/> choose the change and
    /// stores it in one step guarded by the board's version; decides again on what is there now when
    /// someone else changed the board meanwhile.
    /// </summary>
    Task<TResult> ChangeAsync<TResult>(
        string teamId, string meetingId, Func<InquiryBoard?, BoardChange<TResult>> decide, CancellationToken cancellationToken);

    /// <summary>Who was interviewed at the team's latest meeting before <paramref name="meetingDate"/> (within a few weeks), if anyone.</summary>
    Task<string?> PreviousIntervieweeAsync(string teamId, DateOnly meetingDate, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes every note version saved before <paramref name="cutoff"/> (text, author), and takes the
    /// interviewee's id and name off boards of meetings before it, in all teams. The boards stay (the
    /// meeting was held, with these questions). Returns the boards that changed.
    /// </summary>
    Task<IReadOnlyList<InquiryMeetingKey>> ForgetBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>The team's boards of meetings from <paramref name="first"/> to <paramref name="last"/> (both included).</summary>
    Task<IReadOnlyList<InquiryMeetingKey>> MeetingsBetweenAsync(string teamId, DateOnly first, DateOnly last, CancellationToken cancellationToken);
}

/// <summary>
/// A board change: the board to store (null = unchanged) and a note version to add (null = none),
/// and what to tell the caller. Both null stores nothing, which makes a repeated action harmless.
/// </summary>
internal sealed record BoardChange<TResult>(InquiryBoard? Board, LearningNote? AddedNote, TResult Result)
{
    public static BoardChange<TResult> Nothing(TResult result) => new(null, null, result);
}
