namespace SofSBot.Tests.Routing;

/// <summary>Microsoft Graph at the HTTP boundary, failing every call and counting it.</summary>
internal sealed class FailingHttpHandler : HttpMessageHandler
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        throw new HttpRequestException("Microsoft Graph must not be called for a member's click.");
    }
}
