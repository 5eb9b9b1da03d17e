namespace SofSBot.Privacy;

/// <summary>
/// The person "mina data" is about: their Teams user id (<c>29:…</c>), which most rows carry, and their
/// Entra object id, which a few records use because it is the same in every team and chat.
/// </summary>
internal sealed record DataSubject(string UserId, string? AadObjectId)
{
    /// <summary>True when a stored id is this person's, whichever of the two it is.</summary>
    public bool Is(string? storedId) =>
        !string.IsNullOrEmpty(storedId)
        && (string.Equals(storedId, UserId, StringComparison.Ordinal)
            || (AadObjectId is { Length: > 0 } && string.Equals(storedId, AadObjectId, StringComparison.OrdinalIgnoreCase)));
}
