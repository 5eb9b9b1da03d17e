namespace SofSBot.Roles;

/// <summary>
/// The person a leader command is about. <see cref="AadObjectId"/> is null when a mentioned person
/// could not be found in the team's roster.
/// </summary>
internal sealed record LeaderCandidate(string? AadObjectId, string? Name)
{
    /// <summary>How to show the person: their name, else their object id.</summary>
    public string DisplayName => Name ?? AadObjectId ?? "?";
}
