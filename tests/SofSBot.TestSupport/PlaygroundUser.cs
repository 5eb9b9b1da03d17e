namespace SofSBot.TestSupport;

/// <summary>A user of the Playground's tenant. (The Playground spells it "userPrincipleName".)</summary>
public sealed record PlaygroundUser
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public string? AadObjectId { get; init; }

    public string? GivenName { get; init; }

    public string? Surname { get; init; }

    public string? Email { get; init; }

    public string? UserPrincipleName { get; init; }
}
