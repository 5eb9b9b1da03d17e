namespace SofSBot.TeamsEvents;

/// <summary>Whether SofSBot is in the team, as Teams last told us.</summary>
internal enum TeamState
{
    Installed,
    Removed,
    Deleted,
}
