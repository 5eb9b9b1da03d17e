using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using SofSBot.BotFramework.Connector;

namespace SofSBot.Roles;

/// <summary>
/// Reads a team's owners with <c>GET /teams/{aadGroupId}/members</c>, following
/// <c>@odata.nextLink</c>, with the bot's app-only Graph token (resource-specific consent
/// <c>TeamMember.Read.Group</c>, granted when the team installs the app). A singleton: each read
/// takes a fresh client from the factory, so handlers rotate as they should.
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
        var token = await tokens.GetTokenAsync(settings.GraphScope, cancellationToken)
            ?? throw new InvalidOperationException("An anonymous bot has no Graph token.");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.GraphTimeout);

        var http = httpClients.CreateClient(HttpClientName);
        var owners = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        Uri? next = new(settings.GraphBaseUrl, $"teams/{Uri.EscapeDataString(aadGroupId)}/members");
        for (var page = 0; next is not null; page++)
        {
            if (page == MaxPages)
            {
                throw new InvalidOperationException($"Graph kept paging after {MaxPages} pages of team members.");
            }

            // Only ever send the token to the Graph host we were configured with.
            if (!string.Equals(next.Host, settings.GraphBaseUrl.Host, StringComparison.OrdinalIgnoreCase) || next.Scheme != Uri.UriSchemeHttps)
            {
                throw new InvalidOperationException("Graph linked to a next page on another host.");
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, next);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request, timeout.Token);
            response.EnsureSuccessStatusCode();
            var members = await response.Content.ReadFromJsonAsync<GraphTeamMembersPage>(timeout.Token);
            foreach (var member in members?.Value ?? [])
            {
                if (member.UserId is { Length: > 0 } userId
                    && member.Roles?.Contains("owner", StringComparer.OrdinalIgnoreCase) == true)
                {
                    owners.Add(userId);
                }
            }

            next = members?.NextLink;
        }

        return owners;
    }
}
