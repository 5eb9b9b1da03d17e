namespace SofSBot.TestSupport;

/// <summary>
/// The team. Its General channel's conversation id is the team id (the Playground names it
/// "General"; Swedish Teams shows "Allmänt").
/// </summary>
public sealed record PlaygroundTeam
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public string? AadGroupId { get; init; }

    public IReadOnlyList<PlaygroundChannel> Channels { get; init; } = [];

    public IReadOnlyList<string> Members { get; init; } = [];

    /// <summary>The General channel's conversation id.</summary>
    public string GeneralChannelId => Id;

    /// <summary>A channel by display name.</summary>
    public PlaygroundChannel Channel(string name) =>
        Channels.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal))
        ?? throw new InvalidOperationException($"The team '{Name}' has no channel called '{name}'.");
}
