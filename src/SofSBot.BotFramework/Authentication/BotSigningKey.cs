using Microsoft.IdentityModel.Tokens;

namespace SofSBot.BotFramework.Authentication;

/// <summary>One of Bot Framework's published signing keys.</summary>
/// <param name="KeyId">The key's <c>kid</c>, as named in the tokens' header.</param>
/// <param name="Key">The public key that verifies the signature.</param>
/// <param name="Endorsements">
/// The channels this key may sign for (the non-standard <c>endorsements</c> field of the JWKS), e.g.
/// <c>msteams</c>. A key without an activity's channel must not be trusted for that activity.
/// </param>
internal sealed record BotSigningKey(string KeyId, SecurityKey Key, IReadOnlySet<string> Endorsements);
