using System.Net;

namespace SofSBot.Telemetry;

/// <summary>Counts every 429 Too Many Requests a client receives, by the client's name.</summary>
internal sealed class ThrottleCountingHandler(BotTelemetry telemetry, string client) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            telemetry.Throttled(client);
        }

        return response;
    }
}
