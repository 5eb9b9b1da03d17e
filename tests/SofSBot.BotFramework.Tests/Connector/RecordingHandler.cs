using System.Collections.Concurrent;

namespace SofSBot.BotFramework.Tests.Connector;

/// <summary>The primary handler: records each request as it goes out on the wire, then passes it on to the mock.</summary>
internal sealed class RecordingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        _requests.Enqueue(new RecordedRequest(
            request.Method,
            request.RequestUri!.AbsoluteUri,
            body,
            request.Headers.Authorization?.ToString()));
        return await base.SendAsync(request, cancellationToken);
    }
}
