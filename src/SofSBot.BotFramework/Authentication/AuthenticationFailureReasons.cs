namespace SofSBot.BotFramework.Authentication;

/// <summary>
/// Why an inbound activity was refused: short, fixed strings for logs, so that they can be counted
/// and never carry the token or exception text.
/// </summary>
internal static class AuthenticationFailureReasons
{
    public const string MissingHeader = "missing Authorization header";
    public const string NotBearer = "Authorization scheme is not Bearer";
    public const string MalformedToken = "malformed token";
    public const string AlgorithmNotAllowed = "token algorithm not allowed";
    public const string MissingKeyId = "token has no kid";
    public const string MissingChannelId = "activity has no channelId";
    public const string MissingServiceUrl = "activity has no serviceUrl";
    public const string UnknownSigningKey = "unknown signing key";
    public const string KeyNotEndorsed = "signing key not endorsed for the channel";
    public const string InvalidSignature = "invalid signature";
    public const string InvalidIssuer = "wrong issuer";
    public const string InvalidAudience = "wrong audience";
    public const string Expired = "token expired";
    public const string NotYetValid = "token not yet valid";
    public const string InvalidLifetime = "token lifetime invalid";
    public const string InvalidToken = "invalid token";
    public const string MissingServiceUrlClaim = "token has no serviceurl claim";
    public const string ServiceUrlMismatch = "serviceurl claim does not match the activity";
}
