using Microsoft.IdentityModel.Protocols;

namespace SofSBot.BotFramework.Authentication;

/// <summary>
/// Fetches the OpenID metadata and JWKS documents for <see cref="OpenIdConnectConfigurationRetriever"/>
/// with one GET each over HTTPS, and nothing more: unlike the library's <c>HttpDocumentRetriever</c>
/// it does not retry a failing endpoint itself, so <see cref="BotSigningKeyCache"/> decides how often
/// the endpoint is asked, and a caller's cancellation stays an <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class SigningKeyDocumentRetriever(HttpClient client) : IDocumentRetriever
{
    public async Task<string> GetDocumentAsync(string address, CancellationToken cancel)
    {
        var uri = new Uri(address, UriKind.Absolute);
        if (uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new InvalidDataException("Signing key documents are read over HTTPS only.");
        }

        using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancel);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(cancel);
    }
}
