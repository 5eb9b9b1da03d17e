namespace SofSBot.Scheduling;

internal enum OccurrenceState
{
    /// <summary>An instance is posting it now.</summary>
    Claimed,

    /// <summary>The card is in the channel.</summary>
    Posted,

    /// <summary>Not posted: missed beyond the grace window, or the team or channel is gone.</summary>
    Skipped,
}
