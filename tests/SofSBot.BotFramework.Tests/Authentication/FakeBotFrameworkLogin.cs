using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RichardSzalay.MockHttp;

namespace SofSBot.BotFramework.Tests.Authentication;

/// <summary>
/// login.botframework.com at the HTTP boundary: serves the OpenID metadata document and the JWKS it
/// names, in the shapes Bot Framework publishes, and signs tokens with the keys it publishes. Any
/// other request fails the test.
/// </summary>
internal sealed class FakeBotFrameworkLogin : IDisposable
{
    public static readonly Uri MetadataUrl = new("https://login.test.botframework.com/v1/.well-known/openidconfiguration");
    public static readonly Uri JwksUrl = new("https://login.test.botframework.com/v1/.well-known/keys");

    private readonly MockedRequest _metadataRequest;
    private readonly MockedRequest _jwksRequest;
    private readonly JsonWebTokenHandler _tokenHandler = new();
    private IReadOnlyList<TestSigningKey> _publishedKeys = [];
    private HttpStatusCode _metadataStatus = HttpStatusCode.OK;
    private TaskCompletionSource? _metadataGate;

    public FakeBotFrameworkLogin()
    {
        Handler.Fallback.Throw(new InvalidOperationException("The test made an HTTP request nobody expected."));
        _metadataRequest = Handler.When(HttpMethod.Get, MetadataUrl.ToString()).Respond(new Endpoint(ServeMetadataAsync));
        _jwksRequest = Handler.When(HttpMethod.Get, JwksUrl.ToString()).Respond(ServeJwks);
    }

    public MockHttpMessageHandler Handler { get; } = new();

    public int MetadataFetches => Handler.GetMatchCount(_metadataRequest);

    public int JwksFetches => Handler.GetMatchCount(_jwksRequest);

    /// <summary>Signalled when a metadata request has arrived (and, when held, is waiting).</summary>
    public TaskCompletionSource MetadataRequested { get; private set; } = NewSignal();

    /// <summary>Replaces the published key set, as a key rotation does.</summary>
    public void Publish(params TestSigningKey[] keys) => _publishedKeys = keys;

    /// <summary>Makes the metadata endpoint answer with this status from now on.</summary>
    public void AnswerMetadataWith(HttpStatusCode status) => _metadataStatus = status;

    /// <summary>Holds metadata responses until the returned source is completed.</summary>
    public TaskCompletionSource HoldMetadataResponses()
    {
        MetadataRequested = NewSignal();
        _metadataGate = NewSignal();
        return _metadataGate;
    }

    /// <summary>A token signed by <paramref name="key"/>, naming it, or <paramref name="keyId"/> when given.</summary>
    public string CreateToken(TestSigningKey key, TeamsToken token, string? keyId = null) =>
        _tokenHandler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = token.Issuer,
            Audience = token.Audience,
            NotBefore = token.NotBefore.UtcDateTime,
            Expires = token.Expires.UtcDateTime,
            IssuedAt = token.NotBefore.UtcDateTime,
            Claims = token.ServiceUrl is null
                ? new Dictionary<string, object>()
                : new Dictionary<string, object> { ["serviceurl"] = token.ServiceUrl },
            SigningCredentials = key.SigningCredentials(token.Algorithm, keyId),
        });

    /// <summary>A token with <c>alg: none</c> and no signature, naming a published key.</summary>
    public static string CreateUnsignedToken(string keyId, TeamsToken token)
    {
        var header = JsonSerializer.Serialize(new Dictionary<string, object> { ["alg"] = "none", ["typ"] = "JWT", ["kid"] = keyId });
        var payload = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["iss"] = token.Issuer,
            ["aud"] = token.Audience,
            ["serviceurl"] = token.ServiceUrl,
            ["nbf"] = token.NotBefore.ToUnixTimeSeconds(),
            ["exp"] = token.Expires.ToUnixTimeSeconds(),
        });
        return $"{Base64UrlEncoder.Encode(header)}.{Base64UrlEncoder.Encode(payload)}.";
    }

    /// <summary>A token signed with HMAC over a published key's id: the RS/HS confusion attack.</summary>
    public string CreateHmacToken(string keyId, TeamsToken token) =>
        _tokenHandler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = token.Issuer,
            Audience = token.Audience,
            NotBefore = token.NotBefore.UtcDateTime,
            Expires = token.Expires.UtcDateTime,
            IssuedAt = token.NotBefore.UtcDateTime,
            Claims = new Dictionary<string, object> { ["serviceurl"] = token.ServiceUrl! },
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes("a shared secret the attacker chose, 256 bits or more")) { KeyId = keyId },
                SecurityAlgorithms.HmacSha256),
        });

    public void Dispose() => Handler.Dispose();

    private async Task<HttpResponseMessage> ServeMetadataAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        MetadataRequested.TrySetResult();
        if (_metadataGate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        if (_metadataStatus != HttpStatusCode.OK)
        {
            return new HttpResponseMessage(_metadataStatus);
        }

        // The fields of https://login.botframework.com/v1/.well-known/openidconfiguration.
        return Json(new Dictionary<string, object>
        {
            ["issuer"] = "https://api.botframework.com",
            ["authorization_endpoint"] = "https://invalid.botframework.com",
            ["jwks_uri"] = JwksUrl.ToString(),
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
        });
    }

    private HttpResponseMessage ServeJwks(HttpRequestMessage request) =>
        Json(new Dictionary<string, object> { ["keys"] = _publishedKeys.Select(k => k.ToJwk()).ToArray() });

    private static HttpResponseMessage Json(object body) => new(HttpStatusCode.OK)
    {
        Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
    };

    /// <summary>A responder that sees the request's cancellation, as a real server connection would.</summary>
    private sealed class Endpoint(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            respond(request, cancellationToken);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
