using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace SofSBot.BotFramework.Connector;

/// <summary>
/// Puts the bot's bearer token on each connector request (each attempt, so a retry after a refresh
/// carries the new token). Anonymous bots send none. The token never goes over plain HTTP except to
/// loopback, where it cannot leak. It runs inside the retries, so it also buffers the body before
/// the first attempt sends it: a retry must be able to send the same bytes again.
/// </summary>
internal sealed class ConnectorAuthorizationHandler(IBotTokenProvider tokenProvider, ILogger<ConnectorAuthorizationHandler> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            await request.Content.LoadIntoBufferAsync(cancellationToken);
        }

        var token = await tokenProvider.GetTokenAsync(cancellationToken);
        if (token is not null && request.RequestUri is { } uri)
        {
            if (uri.Scheme == Uri.UriSchemeHttps || uri.IsLoopback)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
            else
            {
                logger.TokenWithheldOverHttp(uri.Host);
            }
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
