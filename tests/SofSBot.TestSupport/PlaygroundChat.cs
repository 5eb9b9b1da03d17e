namespace SofSBot.TestSupport;

/// <summary>The personal chat or a group chat. <see cref="Members"/> is empty for the personal chat.</summary>
public sealed record PlaygroundChat
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    public IReadOnlyList<string> Members { get; init; } = [];
}
