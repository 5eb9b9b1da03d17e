using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.IdentityModel.Tokens;

namespace SofSBot.BotFramework.Tests.Authentication;

/// <summary>
/// An RSA key pair standing in for one of Bot Framework's signing keys: the private half signs test
/// tokens, the public half is published in the JWKS in the shape login.botframework.com uses.
/// </summary>
internal sealed class TestSigningKey : IDisposable
{
    private readonly RSA _rsa;
    private readonly X509Certificate2 _certificate;

    public TestSigningKey(string keyId, params string[] endorsements)
    {
        KeyId = keyId;
        Endorsements = endorsements;
        _rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=login.botframework.com", _rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        _certificate = request.CreateSelfSigned(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2035, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }

    public string KeyId { get; }

    public IReadOnlyList<string> Endorsements { get; }

    /// <summary>
    /// Signs with the certificate's key, so the header carries <c>kid</c> and <c>x5t</c> as Bot
    /// Framework's do; <paramref name="keyId"/> puts another key's name in the header, as a forger would.
    /// </summary>
    public SigningCredentials SigningCredentials(string algorithm, string? keyId = null) =>
        new(new X509SecurityKey(_certificate) { KeyId = keyId ?? KeyId }, algorithm);

    /// <summary>The JWKS entry, with the non-standard <c>endorsements</c> array Bot Framework adds.</summary>
    public Dictionary<string, object> ToJwk()
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        return new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["x5t"] = Base64UrlEncoder.Encode(_certificate.GetCertHash()),
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["x5c"] = new[] { Convert.ToBase64String(_certificate.RawData) },
            ["endorsements"] = Endorsements,
        };
    }

    public void Dispose()
    {
        _certificate.Dispose();
        _rsa.Dispose();
    }
}
