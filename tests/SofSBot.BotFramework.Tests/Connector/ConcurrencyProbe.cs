using System.Net;
using System.Text;

namespace SofSBot.BotFramework.Tests.Connector;

/// <summary>
/// A connector stand-in that counts requests in flight, overall and per key. Each request stays in
/// flight until a second one overlaps it or <paramref name="patience"/> (real time) runs out: without
/// serialization two posts overlap at once; with it each waits out its patience alone.
/// </summary>
internal sealed class ConcurrencyProbe(Func<HttpRequestMessage, string> keyOf, TimeSpan patience) : HttpMessageHandler
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _inFlight = [];
    private readonly Dictionary<string, int> _maxInFlight = [];
    private readonly TaskCompletionSource _overlapped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _total;
    private int _maxTotal;
    private int _served;

    public int MaxTotal
    {
        get
        {
            lock (_lock)
            {
                return _maxTotal;
            }
        }
    }

    public int Served => Volatile.Read(ref _served);

    public int MaxInFlight(string key)
    {
        lock (_lock)
        {
            return _maxInFlight.GetValueOrDefault(key);
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var key = keyOf(request);
        lock (_lock)
        {
            _inFlight[key] = _inFlight.GetValueOrDefault(key) + 1;
            _maxInFlight[key] = Math.Max(_maxInFlight.GetValueOrDefault(key), _inFlight[key]);
            _maxTotal = Math.Max(_maxTotal, ++_total);
            if (_total > 1)
            {
                _overlapped.TrySetResult();
            }
        }

        try
        {
            await Task.WhenAny(_overlapped.Task, Task.Delay(patience, cancellationToken));
        }
        finally
        {
            lock (_lock)
            {
                _inFlight[key]--;
                _total--;
            }

            Interlocked.Increment(ref _served);
        }

        return new HttpResponseMessage(HttpStatusCode.Created)
        {
            Content = new StringContent(ConnectorResponses.ChannelThreadCreated, Encoding.UTF8, "application/json"),
        };
    }
}
