using Microsoft.Kiota.Abstractions.Authentication;
using SofSBot.BotFramework.Connector;

namespace SofSBot.Roles;

/// <summary>
/// The Graph SDK's token source: the bot's own app-only token for the Graph scope, from the one
/// credential and cache the bot has (<see cref="IBotAccessTokenSource"/>), for the configured Graph
/// host only, asked once per read (one per owners read, however many pages). An anonymous bot has
/// none, and reading fails before anything is sent.
/// </summary>
internal sealed class GraphTokenProvider(IBotAccessTokenSource tokens, RolesOptions settings) : IAccessTokenProvider
{
    private string? _token;

    public AllowedHostsValidator AllowedHostsValidator { get; } = new([settings.GraphBaseUrl.Host]);

    public async Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        if (!AllowedHostsValidator.IsUrlHostValid(uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new InvalidOperationException("No Graph token for a request to another host.");
        }

        return _token ??= await tokens.GetTokenAsync(settings.GraphScope, cancellationToken)
            ?? throw new InvalidOperationException("An anonymous bot has no Graph token.");
    }

    public IAuthenticationProvider AsAuthenticationProvider() => new BaseBearerTokenAuthenticationProvider(this);
}
