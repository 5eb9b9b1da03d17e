namespace SofSBot.Routines.CaseSupervision;

/// <summary>What became of a member's request to cancel their own booking.</summary>
internal enum CancellationOutcome
{
    Cancelled,

    /// <summary>The member has no booking at this meeting (never booked, or cancelled already).</summary>
    NotBooked,

    MeetingNotFound,
}
