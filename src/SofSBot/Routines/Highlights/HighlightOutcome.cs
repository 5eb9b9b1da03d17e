namespace SofSBot.Routines.Highlights;

/// <summary>What a member's change did to the week's highlights.</summary>
internal enum HighlightOutcome
{
    Added,
    Changed,
    Removed,

    /// <summary>The highlight already was what was asked (e.g. Teams sent the same action twice).</summary>
    Unchanged,

    /// <summary>Removing, but the member has no highlight that week (any more).</summary>
    NothingToRemove,

    /// <summary>The card's meeting is not among the team's meetings of that week.</summary>
    NoSuchMeeting,
}
