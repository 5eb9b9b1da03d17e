using SofSBot.Localization;
using SofSBot.Routines.CaseSupervision;

namespace SofSBot.Tests.Routines.CaseSupervision;

/// <summary>Booking rules and presentation counts, on a half-year as it would be read from storage.</summary>
public sealed class SupervisionHalfYearTests
{
    private const string Sara = "29:1sara";
    private const string Ahmed = "29:1ahmed";
    private const string Karin = "29:1karin";
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_member_counts_one_presentation_per_meeting_booked_in_the_half_year()
    {
        var board = Spring(
            [Meeting("m1", "2026-03-02"), Meeting("m2", "2026-04-06"), Meeting("m3", "2026-06-29")],
            [Booking("m1", Sara), Booking("m3", Sara), Booking("m2", Ahmed), Booking("m2", Karin, slot: 2)]);

        Assert.Equal(2, board.PresentationsOf(Sara));
        Assert.Equal(1, board.PresentationsOf(Ahmed));
        Assert.Equal(1, board.PresentationsOf(Karin));
        Assert.Equal(0, board.PresentationsOf("29:1johan"));
    }

    [Fact]
    public void A_member_is_counted_under_the_id_teams_sends_whatever_its_case()
    {
        var board = Spring([Meeting("m1", "2026-03-02")], [Booking("m1", "29:1Sara")]);

        Assert.Equal(1, board.PresentationsOf("29:1sara"));
    }

    [Fact]
    public void A_cancelled_booking_does_not_count()
    {
        var board = Spring([Meeting("m1", "2026-03-02")], [Booking("m1", Sara)]);
        var (outcome, delete) = board.DecideCancellation("m1", Sara);

        var after = board with { Bookings = [.. board.Bookings.Where(b => b != delete)] };

        Assert.Equal(CancellationOutcome.Cancelled, outcome);
        Assert.Equal(0, after.PresentationsOf(Sara));
    }

    [Fact]
    public void Booking_takes_the_next_free_slot_until_the_slots_are_full()
    {
        var board = Spring([Meeting("m1", "2026-03-02", slots: 2)], [Booking("m1", Sara)]);

        var (outcome, booking) = board.DecideBooking("m1", Ahmed, "Ahmed Hassan", "Hur går vi vidare?", Now);
        Assert.Equal(BookingOutcome.Booked, outcome);
        Assert.Equal(Ahmed, booking?.UserId);
        Assert.Equal("Hur går vi vidare?", booking?.Question);

        var full = board with { Bookings = [.. board.Bookings, booking!] };
        Assert.Equal(2, full.SlotOf("m1", Ahmed));
        Assert.Equal((BookingOutcome.Full, null), full.DecideBooking("m1", Karin, "Karin Lindqvist", null, Now));
    }

    [Fact]
    public void A_cancelled_slot_is_taken_again_and_the_other_members_keep_their_slots()
    {
        var board = Spring([Meeting("m1", "2026-03-02", slots: 3)], [Booking("m1", Sara, slot: 2), Booking("m1", Ahmed, slot: 3)]);

        var (outcome, booking) = board.DecideBooking("m1", Karin, "Karin Lindqvist", null, Now);

        Assert.Equal(BookingOutcome.Booked, outcome);
        Assert.Equal(1, booking?.Slot);
        Assert.Equal(2, board.SlotOf("m1", Sara));
    }

    [Fact]
    public void Booking_again_with_the_same_question_stores_nothing_and_a_new_question_replaces_the_old()
    {
        var board = Spring([Meeting("m1", "2026-03-02", slots: 1)], [Booking("m1", Sara, "Fråga")]);

        Assert.Equal((BookingOutcome.AlreadyBooked, null), board.DecideBooking("m1", Sara, "Sara Nilsson", "Fråga", Now));

        var (outcome, changed) = board.DecideBooking("m1", Sara, "Sara Nilsson", "Ny fråga", Now);
        Assert.Equal(BookingOutcome.QuestionChanged, outcome);
        Assert.Equal("Ny fråga", changed?.Question);
        Assert.Equal(board.Bookings[0].BookedAt, changed?.BookedAt);
    }

    [Fact]
    public void A_member_cannot_cancel_another_members_booking()
    {
        var board = Spring([Meeting("m1", "2026-03-02")], [Booking("m1", Sara)]);

        Assert.Equal((CancellationOutcome.NotBooked, null), board.DecideCancellation("m1", Ahmed));
    }

    [Fact]
    public void An_unknown_meeting_is_neither_booked_nor_cancelled()
    {
        var board = Spring([Meeting("m1", "2026-03-02")], []);

        Assert.Equal(BookingOutcome.MeetingNotFound, board.DecideBooking("other", Sara, "Sara Nilsson", null, Now).Outcome);
        Assert.Equal(CancellationOutcome.MeetingNotFound, board.DecideCancellation("other", Sara).Outcome);
    }

    [Fact]
    public void Below_target_lists_members_short_of_it_fewest_first_then_by_swedish_name_order()
    {
        var board = Spring(
            [Meeting("m1", "2026-03-02"), Meeting("m2", "2026-04-06")],
            [Booking("m1", Sara), Booking("m2", Sara), Booking("m1", Ahmed, slot: 2)]);
        TeamMember[] roster =
        [
            new(Sara, "Sara Nilsson"), new(Ahmed, "Ahmed Hassan"), new(Karin, "Karin Lindqvist"),
            new("29:1osten", "Östen Berg"), new("29:1zara", "Zara Ali"),
        ];

        var below = board.BelowTarget(roster, target: 2);

        Assert.Equal(
            ["Karin Lindqvist 0", "Zara Ali 0", "Östen Berg 0", "Ahmed Hassan 1"],
            below.Select(s => $"{s.Member.Name} {s.Presentations}"));
        Assert.Empty(board.BelowTarget(roster, target: 0));
    }

    private static SupervisionHalfYear Spring(IReadOnlyList<SupervisionMeeting> meetings, IReadOnlyList<SupervisionBooking> bookings) =>
        new(new HalfYear(2026, 1), meetings, bookings, Version: 1);

    private static SupervisionMeeting Meeting(string id, string date, int slots = 2) =>
        new(id, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), new TimeOnly(8, 30), slots, Language.Swedish, "19:teammote");

    private static SupervisionBooking Booking(string meetingId, string userId, string? question = null, int slot = 1) =>
        new(meetingId, slot, userId, userId, question, Now.AddDays(-1));
}
