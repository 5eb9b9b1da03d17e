namespace SofSBot.Routines.Highlights;

/// <summary>What a member's add, edit or removal did to the week's highlights.</summary>
internal enum HighlightWrite
{
    Added,
    Changed,
    Removed,

    /// <summary>The highlights already were as asked (e.g. Teams repeated the invoke): nothing written.</summary>
    Unchanged,

    /// <summary>The card's meeting is not one of this team's (or is no longer stored): nothing written.</summary>
    MeetingNotFound,
}
