namespace SofSBot.Routines.CaseSupervision;

/// <summary>
/// A team's case supervision in one half-year: its meetings and every booking at them, read as one
/// unit at <see cref="Version"/>. Each meeting's board is a view over it, and a member's count is the
/// number of their bookings in it, so a booking and the count it makes are always stored together.
/// </summary>
internal sealed record SupervisionHalfYear(
    HalfYear HalfYear,
    IReadOnlyList<SupervisionMeeting> Meetings,
    IReadOnlyList<SupervisionBooking> Bookings,
    long Version)
{
    public SupervisionMeeting? Meeting(string meetingId) =>
        Meetings.FirstOrDefault(meeting => string.Equals(meeting.MeetingId, meetingId, StringComparison.Ordinal));

    /// <summary>The meeting's bookings in slot order.</summary>
    public IReadOnlyList<SupervisionBooking> BookingsAt(string meetingId) =>
        [.. Bookings
            .Where(booking => string.Equals(booking.MeetingId, meetingId, StringComparison.Ordinal))
            .OrderBy(booking => booking.Slot)];

    public SupervisionBooking? BookingOf(string meetingId, string userId) =>
        Bookings.FirstOrDefault(booking =>
            string.Equals(booking.MeetingId, meetingId, StringComparison.Ordinal) && SameUser(booking.UserId, userId));

    /// <summary>The member's slot number at the meeting, or null when not booked.</summary>
    public int? SlotOf(string meetingId, string userId) => BookingOf(meetingId, userId)?.Slot;

    /// <summary>How many cases the member has brought (or booked) in this half-year, one per meeting.</summary>
    public int PresentationsOf(string userId) =>
        Bookings.Where(booking => SameUser(booking.UserId, userId)).Select(booking => booking.MeetingId).Distinct(StringComparer.Ordinal).Count();

    /// <summary>
    /// Decides a booking: a free slot is taken, a member already booked keeps their slot (and may
    /// change the question), and nobody gets a slot beyond the meeting's number.
    /// </summary>
    /// <returns>The outcome and the booking to store (null: store nothing).</returns>
    public (BookingOutcome Outcome, SupervisionBooking? Store) DecideBooking(
        string meetingId, string userId, string userName, string? question, DateTimeOffset now)
    {
        if (Meeting(meetingId) is not { } meeting)
        {
            return (BookingOutcome.MeetingNotFound, null);
        }

        if (BookingOf(meetingId, userId) is { } existing)
        {
            return string.Equals(existing.Question, question, StringComparison.Ordinal)
                ? (BookingOutcome.AlreadyBooked, null)
                : (BookingOutcome.QuestionChanged, existing with { Question = question, UserName = userName });
        }

        // The lowest free slot: a cancelled slot is taken again before the later ones.
        var taken = BookingsAt(meetingId).Select(booking => booking.Slot).ToHashSet();
        var free = Enumerable.Range(1, meeting.Slots).Where(slot => !taken.Contains(slot)).Take(1).ToList();
        return free.Count == 0
            ? (BookingOutcome.Full, null)
            : (BookingOutcome.Booked, new SupervisionBooking(meetingId, free[0], userId, userName, question, now));
    }

    /// <summary>Decides a cancellation: only the member's own booking can be cancelled.</summary>
    /// <returns>The outcome and the booking to delete (null: delete nothing).</returns>
    public (CancellationOutcome Outcome, SupervisionBooking? Delete) DecideCancellation(string meetingId, string userId)
    {
        if (Meeting(meetingId) is null)
        {
            return (CancellationOutcome.MeetingNotFound, null);
        }

        return BookingOf(meetingId, userId) is { } booking
            ? (CancellationOutcome.Cancelled, booking)
            : (CancellationOutcome.NotBooked, null);
    }

    /// <summary>
    /// The members of <paramref name="roster"/> below <paramref name="target"/> in this half-year, with
    /// their count, fewest first and then by name; empty when the target is 0.
    /// </summary>
    public IReadOnlyList<(TeamMember Member, int Presentations)> BelowTarget(IReadOnlyList<TeamMember> roster, int target) =>
        [.. roster
            .Select(member => (Member: member, Presentations: PresentationsOf(member.UserId)))
            .Where(standing => standing.Presentations < target)
            .OrderBy(standing => standing.Presentations)
            .ThenBy(standing => standing.Member.Name, SwedishNames)];

    // Names sort as Swedes expect (Å, Ä, Ö after Z), in both languages' cards.
    private static readonly StringComparer SwedishNames = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("sv-SE"), ignoreCase: true);

    // Teams user ids are compared without case, as Teams itself does.
    private static bool SameUser(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
