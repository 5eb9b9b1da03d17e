using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SofSBot.BotFramework.Activities;

namespace SofSBot.BotFramework.Connector;

/// <summary>
/// The Bot Connector REST API over a typed <see cref="HttpClient"/> whose handlers add the token and
/// the retries; within an inbound turn each call ends by the turn's deadline. Posts go through <see cref="ConversationGate"/> so one conversation never has two in
/// flight.
/// </summary>
internal sealed class ConnectorClient(
    HttpClient httpClient,
    ConversationGate gate,
    IOptions<BotOptions> botOptions,
    TimeProvider timeProvider,
    ILogger<ConnectorClient> logger) : IConnectorClient
{
    /// <summary>How much of an error body goes to the log.</summary>
    internal const int LoggedBodyLength = 500;

    public Task<ResourceResponse> SendToConversationAsync(Uri serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentNullException.ThrowIfNull(activity);
        return PostActivityAsync(
            HttpMethod.Post, serviceUrl, conversationId, $"v3/conversations/{Escape(conversationId)}/activities", activity, "SendToConversation", cancellationToken);
    }

    public Task<ResourceResponse> ReplyToActivityAsync(Uri serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(replyToId);
        ArgumentNullException.ThrowIfNull(activity);
        return PostActivityAsync(
            HttpMethod.Post, serviceUrl, conversationId, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(replyToId)}", activity, "ReplyToActivity", cancellationToken);
    }

    public Task<ResourceResponse> UpdateActivityAsync(Uri serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        ArgumentNullException.ThrowIfNull(activity);
        return PostActivityAsync(
            HttpMethod.Put, serviceUrl, conversationId, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", activity, "UpdateActivity", cancellationToken);
    }

    public async Task<ConversationResourceResponse> CreateChannelThreadAsync(Uri serviceUrl, string channelId, string? tenantId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        ArgumentNullException.ThrowIfNull(activity);
        var channelData = new JsonObject { ["channel"] = new JsonObject { ["id"] = channelId } };
        if (!string.IsNullOrEmpty(tenantId))
        {
            channelData["tenant"] = new JsonObject { ["id"] = tenantId };
        }

        var parameters = new ConversationParameters { IsGroup = true, ChannelData = channelData, Activity = activity };

        // A new thread is a post into the channel: it waits its turn with the channel's other posts.
        using var turn = await gate.EnterAsync(channelId, cancellationToken);
        return await SendAsync<ConversationResourceResponse>(HttpMethod.Post, serviceUrl, "v3/conversations", parameters, "CreateChannelThread", cancellationToken)
            ?? new ConversationResourceResponse(null, null, null);
    }

    public async Task<ConversationResourceResponse> CreatePersonalConversationAsync(Uri serviceUrl, string userId, string tenantId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        var bot = botOptions.Value;
        var parameters = new ConversationParameters
        {
            IsGroup = false,

            // Teams knows a bot as 28:{app id}; an anonymous bot (Playground) has none to give.
            Bot = bot.IsAnonymous ? null : new ChannelAccount { Id = "28:" + bot.AppId },
            Members = [new ChannelAccount { Id = userId }],
            ChannelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } },
            TenantId = tenantId,
        };
        return await SendAsync<ConversationResourceResponse>(HttpMethod.Post, serviceUrl, "v3/conversations", parameters, "CreatePersonalConversation", cancellationToken)
            ?? new ConversationResourceResponse(null, null, null);
    }

    public async Task<PagedMembersResult> GetPagedMembersAsync(Uri serviceUrl, string conversationId, int? pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        var query = new List<string>(2);
        if (pageSize is { } size)
        {
            query.Add(FormattableString.Invariant($"pageSize={size}"));
        }

        if (!string.IsNullOrEmpty(continuationToken))
        {
            query.Add("continuationToken=" + Escape(continuationToken));
        }

        var path = $"v3/conversations/{Escape(conversationId)}/pagedmembers" + (query.Count > 0 ? "?" + string.Join('&', query) : string.Empty);
        var page = await SendAsync<PagedMembersResponse>(HttpMethod.Get, serviceUrl, path, null, "GetPagedMembers", cancellationToken);
        return new PagedMembersResult(page?.Members ?? [], string.IsNullOrEmpty(page?.ContinuationToken) ? null : page.ContinuationToken);
    }

    public async Task<TeamDetails> GetTeamDetailsAsync(Uri serviceUrl, string teamId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(teamId);
        return await SendAsync<TeamDetails>(HttpMethod.Get, serviceUrl, $"v3/teams/{Escape(teamId)}", null, "GetTeamDetails", cancellationToken)
            ?? new TeamDetails(null, null, null, null, null);
    }

    public async Task<IReadOnlyList<ChannelInfo>> GetChannelsAsync(Uri serviceUrl, string teamId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(teamId);
        var list = await SendAsync<ConversationList>(HttpMethod.Get, serviceUrl, $"v3/teams/{Escape(teamId)}/conversations", null, "GetChannels", cancellationToken);
        return list?.Conversations ?? [];
    }

    /// <summary>The service URL as a base for relative paths: without a trailing slash its last segment would be dropped.</summary>
    internal static Uri BaseOf(Uri serviceUrl)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        if (!serviceUrl.IsAbsoluteUri)
        {
            throw new ArgumentException("The service URL must be absolute.", nameof(serviceUrl));
        }

        return serviceUrl.AbsolutePath.EndsWith('/') ? serviceUrl : new Uri(serviceUrl.GetLeftPart(UriPartial.Path) + "/");
    }

    private static string Escape(string value) => Uri.EscapeDataString(value);

    private async Task<ResourceResponse> PostActivityAsync(
        HttpMethod method, Uri serviceUrl, string conversationId, string path, Activity activity, string operation, CancellationToken cancellationToken)
    {
        using var turn = await gate.EnterAsync(conversationId, cancellationToken);
        return await SendAsync<ResourceResponse>(method, serviceUrl, path, activity, operation, cancellationToken)
            ?? new ResourceResponse(null);
    }

    private async Task<T?> SendAsync<T>(HttpMethod method, Uri serviceUrl, string path, object? body, string operation, CancellationToken cancellationToken)
        where T : class
    {
        using var request = new HttpRequestMessage(method, new Uri(BaseOf(serviceUrl), path));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: BotJson.Options);
        }

        // Within an inbound turn the call ends at the turn's deadline at the latest (see ConnectorTurnBudget).
        using var deadline = ConnectorTurnBudget.Remaining(timeProvider) is { } remaining ? new CancellationTokenSource(remaining, timeProvider) : null;
        using var linked = deadline is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        HttpResponseMessage response;
        try
        {
            response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked?.Token ?? cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // A network failure after the last retry, or HttpClient's own timeout (not the caller's cancellation).
            logger.CallUnreachable(exception, operation);
            throw new ConnectorException(operation, null, exception);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                logger.CallFailed(operation, response.StatusCode, text.Length > LoggedBodyLength ? text[..LoggedBodyLength] + "…" : text);
                throw new ConnectorException(operation, response.StatusCode);
            }

            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (IsBlank(bytes))
            {
                // Teams answers some posts (typing, for one) with an empty body.
                return null;
            }

            try
            {
                return JsonSerializer.Deserialize<T>(bytes, BotJson.Options);
            }
            catch (JsonException exception)
            {
                logger.UnreadableResponse(exception, operation, response.StatusCode);
                throw new ConnectorException(operation, response.StatusCode, exception);
            }
        }
    }

    private static bool IsBlank(byte[] bytes) => bytes.Length == 0 || string.IsNullOrWhiteSpace(Encoding.UTF8.GetString(bytes));
}
