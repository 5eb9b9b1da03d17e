using System.Collections.Concurrent;
using System.Text;

namespace SofSBot.BotFramework.Tests.Connector;

/// <summary>The primary handler: records each request as it goes out on the wire, then passes it on to the mock.</summary>
internal sealed class RecordingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await WireBodyAsync(request.Content, cancellationToken);
        _requests.Enqueue(new RecordedRequest(
            request.Method,
            request.RequestUri!.AbsoluteUri,
            body,
            request.Headers.Authorization?.ToString()));
        return await base.SendAsync(request, cancellationToken);
    }

    /// <summary>
    /// Reads the body as a socket handler does (CopyTo), not with ReadAsString, which would buffer it
    /// and hide a body that cannot be sent twice.
    /// </summary>
    public static async Task<string> WireBodyAsync(HttpContent content, CancellationToken cancellationToken)
    {
        using var wire = new MemoryStream();
        await content.CopyToAsync(wire, cancellationToken);
        return Encoding.UTF8.GetString(wire.ToArray());
    }
}
