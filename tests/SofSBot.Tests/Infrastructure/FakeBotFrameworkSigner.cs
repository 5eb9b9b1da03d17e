using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SofSBot.Tests.Infrastructure;

/// <summary>
/// Bot Framework's token service at the HTTP boundary: publishes one RSA signing key (with the
/// channels it endorses) under an OpenID metadata document, and signs tokens with it as the Bot
/// Connector does — so that an activity can pass the real token check, and a test can show what the
/// bot still refuses after it.
/// </summary>
internal sealed class FakeBotFrameworkSigner : IDisposable
{
    public const string MetadataUrl = "https://login.test.botframework.com/v1/.well-known/openidconfiguration";
    private const string JwksUrl = "https://login.test.botframework.com/v1/.well-known/keys";
    private const string KeyId = "test-signing-key";

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly string[] _endorsements;

    /// <param name="endorsements">The channels the key vouches for; Bot Framework's keys list several.</param>
    public FakeBotFrameworkSigner(params string[] endorsements)
    {
        _endorsements = endorsements;
    }

    /// <summary>Answers the metadata and key requests; anything else is not ours.</summary>
    public HttpResponseMessage? Answer(HttpRequestMessage request) => request.RequestUri?.ToString() switch
    {
        MetadataUrl => Json(new Dictionary<string, object> { ["issuer"] = "https://api.botframework.com", ["jwks_uri"] = JwksUrl, ["id_token_signing_alg_values_supported"] = new[] { "RS256" } }),
        JwksUrl => Json(new Dictionary<string, object> { ["keys"] = new[] { Jwk() } }),
        _ => null,
    };

    /// <summary>A token for <paramref name="appId"/> and <paramref name="serviceUrl"/>, valid for an hour from <paramref name="now"/>.</summary>
    public string CreateToken(string appId, string serviceUrl, DateTimeOffset now) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "https://api.botframework.com",
        Audience = appId,
        NotBefore = now.AddMinutes(-1).UtcDateTime,
        IssuedAt = now.AddMinutes(-1).UtcDateTime,
        Expires = now.AddMinutes(59).UtcDateTime,
        Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
        SigningCredentials = new SigningCredentials(new RsaSecurityKey(_rsa) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
    });

    public void Dispose() => _rsa.Dispose();

    private Dictionary<string, object> Jwk()
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        return new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["endorsements"] = _endorsements,
        };
    }

    private static HttpResponseMessage Json(object body) => new(HttpStatusCode.OK)
    {
        Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
    };
}
