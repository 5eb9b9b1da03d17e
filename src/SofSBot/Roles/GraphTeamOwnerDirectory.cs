using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using SofSBot.BotFramework.Connector;

namespace SofSBot.Roles;

/// <summary>
/// Reads a team's owners with Microsoft Graph's SDK (<c>GET /teams/{aadGroupId}/members</c>, every
/// page through <see cref="PageIterator{TEntity, TCollectionPage}"/>), with the bot's app-only Graph
/// token (resource-specific consent <c>TeamMember.Read.Group</c>, granted when the team installs
/// the app). A singleton: each read takes a fresh client from the factory, so handlers rotate as
/// they should. A next page on another host than the configured one is not followed.
/// </summary>
internal sealed class GraphTeamOwnerDirectory(
    IHttpClientFactory httpClients,
    IBotAccessTokenSource tokens,
    IOptionsMonitor<RolesOptions> options) : ITeamOwnerDirectory
{
    // Guards against a server that keeps linking on: Teams has at most 25,000 members, Graph pages of 100+.
    private const int MaxPages = 300;

    /// <summary>The name of the HTTP client used for Graph.</summary>
    public const string HttpClientName = "MicrosoftGraph";

    public async Task<IReadOnlySet<string>> GetOwnersAsync(string aadGroupId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(aadGroupId);
        var settings = options.CurrentValue;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.GraphTimeout);

        var graph = new GraphServiceClient(
            httpClients.CreateClient(HttpClientName),
            new GraphTokenProvider(tokens, settings).AsAuthenticationProvider(),
            settings.GraphBaseUrl.AbsoluteUri.TrimEnd('/'));
        var first = await graph.Teams[aadGroupId].Members.GetAsync(cancellationToken: timeout.Token);
        if (first is null)
        {
            return new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        }

        var owners = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pages = 1;
        var members = PageIterator<ConversationMember, ConversationMemberCollectionResponse>.CreatePageIterator(
            graph,
            first,
            member =>
            {
                if (member is AadUserConversationMember { UserId: { Length: > 0 } userId }
                    && member.Roles?.Contains("owner", StringComparer.OrdinalIgnoreCase) == true)
                {
                    owners.Add(userId);
                }

                return true;
            },
            request =>
            {
                // Only ever send the token to the Graph host we were configured with.
                if (!string.Equals(request.URI.Host, settings.GraphBaseUrl.Host, StringComparison.OrdinalIgnoreCase) || request.URI.Scheme != Uri.UriSchemeHttps)
                {
                    throw new InvalidOperationException("Graph linked to a next page on another host.");
                }

                if (++pages > MaxPages)
                {
                    throw new InvalidOperationException($"Graph kept paging after {MaxPages} pages of team members.");
                }

                return request;
            });
        await members.IterateAsync(timeout.Token);
        return owners;
    }
}
