using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SofSBot.BotFramework.Activities;

namespace SofSBot.BotFramework.Authentication;

/// <summary>
/// Authenticates Teams' calls as the Bot Framework SDK does for channel tokens: a Bearer JWT signed
/// with RS256/384/512 by a published Bot Framework key that endorses the activity's channel, issued by
/// <see cref="BotOptions.TokenIssuer"/> for <see cref="BotOptions.AppId"/>, within its lifetime, and
/// with a <c>serviceurl</c> claim equal to the activity's service URL.
/// </summary>
internal sealed partial class BotFrameworkActivityAuthenticator(
    BotSigningKeyCache keyCache,
    IOptions<BotOptions> options,
    TimeProvider timeProvider,
    ILogger<BotFrameworkActivityAuthenticator> logger) : IActivityAuthenticator
{
    private const string BearerScheme = "Bearer";

    /// <summary>The claim that binds a token to one Bot Connector service.</summary>
    internal const string ServiceUrlClaim = "serviceurl";

    private static readonly string[] AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    // Keeps claim names as sent (no mapping to WS-* URIs), which the serviceurl check relies on.
    private readonly JsonWebTokenHandler _tokenHandler = new() { MapInboundClaims = false };

    public async Task<ActivityAuthenticationResult> AuthenticateAsync(
        string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);

        var botOptions = options.Value;
        if (botOptions.IsAnonymous)
        {
            return ActivityAuthenticationResult.Anonymous;
        }

        var result = await AuthenticateTokenAsync(authorizationHeader, activity, botOptions, cancellationToken);
        if (!result.Succeeded)
        {
            LogRefused(logger, activity.ChannelId, result.FailureReason);
        }

        return result;
    }

    private async Task<ActivityAuthenticationResult> AuthenticateTokenAsync(
        string? authorizationHeader, Activity activity, BotOptions botOptions, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(authorizationHeader))
        {
            return Fail(AuthenticationFailureReasons.MissingHeader);
        }

        if (ReadBearerToken(authorizationHeader) is not { } token)
        {
            return Fail(AuthenticationFailureReasons.NotBearer);
        }

        if (ReadToken(token) is not { } jwt)
        {
            return Fail(AuthenticationFailureReasons.MalformedToken);
        }

        // Checked before any key lookup: 'none' and HMAC tokens never reach the metadata endpoint.
        if (!AllowedAlgorithms.Contains(jwt.Alg, StringComparer.Ordinal))
        {
            return Fail(AuthenticationFailureReasons.AlgorithmNotAllowed);
        }

        if (string.IsNullOrEmpty(jwt.Kid))
        {
            return Fail(AuthenticationFailureReasons.MissingKeyId);
        }

        if (string.IsNullOrEmpty(activity.ChannelId))
        {
            return Fail(AuthenticationFailureReasons.MissingChannelId);
        }

        if (string.IsNullOrEmpty(activity.ServiceUrl))
        {
            return Fail(AuthenticationFailureReasons.MissingServiceUrl);
        }

        if (await keyCache.GetKeyAsync(jwt.Kid, cancellationToken) is not { } signingKey)
        {
            return Fail(AuthenticationFailureReasons.UnknownSigningKey);
        }

        // JwtBearer knows nothing of endorsements: a key Bot Framework uses for another channel must
        // not vouch for a Teams activity.
        if (!signingKey.Endorsements.Contains(activity.ChannelId))
        {
            return Fail(AuthenticationFailureReasons.KeyNotEndorsed);
        }

        var validation = await _tokenHandler.ValidateTokenAsync(jwt, CreateValidationParameters(botOptions, signingKey));
        if (!validation.IsValid)
        {
            return Fail(ReasonFor(validation.Exception));
        }

        var serviceUrl = validation.ClaimsIdentity.FindFirst(ServiceUrlClaim)?.Value;
        if (string.IsNullOrEmpty(serviceUrl))
        {
            return Fail(AuthenticationFailureReasons.MissingServiceUrlClaim);
        }

        // A token minted for one Bot Connector service must not authorize replies to another.
        if (!string.Equals(serviceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return Fail(AuthenticationFailureReasons.ServiceUrlMismatch);
        }

        return ActivityAuthenticationResult.Success(validation.ClaimsIdentity);
    }

    private TokenValidationParameters CreateValidationParameters(BotOptions botOptions, BotSigningKey signingKey) => new()
    {
        ValidateIssuer = true,
        ValidIssuer = botOptions.TokenIssuer,
        ValidateAudience = true,
        ValidAudience = botOptions.AppId,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = botOptions.ClockSkew,
        // TokenValidationParameters has no public TimeProvider in 8.x; our own check reads the clock.
        LifetimeValidator = ValidateLifetime,
        RequireSignedTokens = true,
        ValidAlgorithms = AllowedAlgorithms,
        IssuerSigningKey = signingKey.Key,
        TryAllIssuerSigningKeys = false,
    };

    /// <summary>
    /// The library's lifetime rules, on <see cref="TimeProvider"/>'s clock; it throws the library's own
    /// exceptions so that the failure reason says which bound was crossed.
    /// </summary>
    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        if (expires is not { } expiresAt)
        {
            throw new SecurityTokenNoExpirationException("The token has no expiration time.");
        }

        if (notBefore is { } notBeforeAt && notBeforeAt > expiresAt)
        {
            throw new SecurityTokenInvalidLifetimeException("The token's nbf is after its exp.") { NotBefore = notBeforeAt, Expires = expiresAt };
        }

        var now = timeProvider.GetUtcNow().UtcDateTime;
        if (notBefore is { } validFrom && validFrom > now + parameters.ClockSkew)
        {
            throw new SecurityTokenNotYetValidException("The token is not yet valid.") { NotBefore = validFrom };
        }

        if (expiresAt < now - parameters.ClockSkew)
        {
            throw new SecurityTokenExpiredException("The token has expired.") { Expires = expiresAt };
        }

        return true;
    }

    private static string? ReadBearerToken(string authorizationHeader)
    {
        var header = authorizationHeader.Trim();
        var separator = header.IndexOf(' ', StringComparison.Ordinal);
        if (separator <= 0 || !header.AsSpan(0, separator).Equals(BearerScheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = header[(separator + 1)..].Trim();
        return token.Length == 0 ? null : token;
    }

    private JsonWebToken? ReadToken(string token)
    {
        if (!_tokenHandler.CanReadToken(token))
        {
            return null;
        }

        try
        {
            return _tokenHandler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string ReasonFor(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => AuthenticationFailureReasons.Expired,
        SecurityTokenNotYetValidException => AuthenticationFailureReasons.NotYetValid,
        SecurityTokenInvalidLifetimeException or SecurityTokenNoExpirationException => AuthenticationFailureReasons.InvalidLifetime,
        SecurityTokenInvalidIssuerException => AuthenticationFailureReasons.InvalidIssuer,
        SecurityTokenInvalidAudienceException => AuthenticationFailureReasons.InvalidAudience,
        SecurityTokenInvalidAlgorithmException => AuthenticationFailureReasons.AlgorithmNotAllowed,
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => AuthenticationFailureReasons.InvalidSignature,
        _ => AuthenticationFailureReasons.InvalidToken,
    };

    private static ActivityAuthenticationResult Fail(string reason) => ActivityAuthenticationResult.Failure(reason);

    [LoggerMessage(EventId = 1111, Level = LogLevel.Warning, Message = "Refused an inbound activity on channel {ChannelId}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string? channelId, string? reason);
}
