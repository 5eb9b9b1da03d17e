namespace SofSBot.TestSupport;

/// <summary>
/// The Playground's tenant as <c>GET /_internal/v1/config</c> reports it (the <c>config</c> part).
/// </summary>
public sealed record PlaygroundConfig
{
    public required string TenantId { get; init; }

    public required PlaygroundBot Bot { get; init; }

    /// <summary>The user the Playground speaks as in <c>messages</c>.</summary>
    public required PlaygroundUser CurrentUser { get; init; }

    /// <summary>The five other users (members of the group chat and the team).</summary>
    public required IReadOnlyList<PlaygroundUser> Users { get; init; }

    public required PlaygroundChat PersonalChat { get; init; }

    public IReadOnlyList<PlaygroundChat> GroupChats { get; init; } = [];

    public IReadOnlyList<PlaygroundTeam> Teams { get; init; } = [];

    /// <summary>The one team a Playground config can have.</summary>
    public PlaygroundTeam Team => Teams.Count > 0 ? Teams[0] : throw new InvalidOperationException("The Playground config has no team.");

    /// <summary>The current user or one of the users, by display name.</summary>
    public PlaygroundUser User(string name) =>
        string.Equals(CurrentUser.Name, name, StringComparison.Ordinal)
            ? CurrentUser
            : Users.FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.Ordinal))
              ?? throw new InvalidOperationException($"The Playground config has no user called '{name}'.");
}
