using Microsoft.IdentityModel.Tokens;

namespace SofSBot.BotFramework.Tests.Authentication;

/// <summary>
/// The claims of a token as the Bot Connector sends it to a bot for Teams; tests change one field
/// with <c>with</c> to make it wrong in exactly one way.
/// </summary>
internal sealed record TeamsToken
{
    public required string Issuer { get; init; }

    public required string Audience { get; init; }

    /// <summary>The <c>serviceurl</c> claim; null leaves it out.</summary>
    public string? ServiceUrl { get; init; }

    public required DateTimeOffset NotBefore { get; init; }

    public required DateTimeOffset Expires { get; init; }

    public string Algorithm { get; init; } = SecurityAlgorithms.RsaSha256;
}
