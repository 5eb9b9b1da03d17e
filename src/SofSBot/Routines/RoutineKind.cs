namespace SofSBot.Routines;

/// <summary>The routines a team leader can schedule into a channel.</summary>
internal enum RoutineKind
{
    Highlights,
    AppreciativeInquiry,
    CaseSupervision,
    RatingRound,
}
