namespace SofSBot.Storage;

/// <summary>A claim as stored: its key (unescaped) and when it was made.</summary>
internal sealed record ClaimRecord(string Key, DateTimeOffset? ClaimedAt);
