namespace SofSBot.Routines.CaseSupervision;

/// <summary>
/// Case-supervision meetings and bookings, a team's half-year at a time. Every change is decided on
/// the half-year as stored and written only if nobody changed it meanwhile (else decided again), so
/// concurrent bookings are all stored, the last slot goes to exactly one member, and a repeated
/// request changes nothing.
/// </summary>
internal interface ICaseSupervisionStore
{
    /// <summary>Stores the meeting unless it is stored already (a post that failed is tried again).</summary>
    Task EnsureMeetingAsync(string teamId, SupervisionMeeting meeting, CancellationToken cancellationToken);

    Task<SupervisionHalfYear> ReadAsync(string teamId, HalfYear halfYear, CancellationToken cancellationToken);

    /// <summary>The half-year's version only: whether anything changed since a read.</summary>
    Task<long> ReadVersionAsync(string teamId, HalfYear halfYear, CancellationToken cancellationToken);

    Task<BookingOutcome> BookAsync(
        string teamId, DateOnly meetingDate, string meetingId, string userId, string userName, string? question, CancellationToken cancellationToken);

    Task<CancellationOutcome> CancelAsync(string teamId, DateOnly meetingDate, string meetingId, string userId, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the question of every booking made before <paramref name="cutoff"/>, in all teams. The
    /// bookings stay: they are the members' presentations counted in the half-year. Returns the meetings
    /// whose bookings lost a question.
    /// </summary>
    Task<IReadOnlyList<SupervisionMeetingKey>> RemoveQuestionsBookedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
