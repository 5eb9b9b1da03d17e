namespace SofSBot.Scheduling;

internal enum OccurrenceState
{
    /// <summary>An instance is posting it now.</summary>
    Claimed,

    /// <summary>
    /// The claiming instance is sending the card. Never taken over: if that instance died mid-send,
    /// nobody can know whether the card arrived, and a second card is worse than a logged gap.
    /// </summary>
    Posting,

    /// <summary>The card is in the channel.</summary>
    Posted,

    /// <summary>Not posted: missed beyond the grace window, or the team or channel is gone.</summary>
    Skipped,
}
