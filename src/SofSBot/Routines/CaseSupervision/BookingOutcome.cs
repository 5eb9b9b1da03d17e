namespace SofSBot.Routines.CaseSupervision;

/// <summary>What became of a member's request to book a slot.</summary>
internal enum BookingOutcome
{
    Booked,

    /// <summary>Already booked: the question was changed.</summary>
    QuestionChanged,

    /// <summary>Already booked with this very question: nothing to do (a repeated invoke).</summary>
    AlreadyBooked,

    Full,
    MeetingNotFound,
}
