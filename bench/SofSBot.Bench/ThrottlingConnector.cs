namespace SofSBot.Bench;

/// <summary>
/// Teams' throttling of bot posts, as the fake connector applies it: per conversation (a channel and
/// its threads) 7 per 1 s, 8 per 2 s and 60 per 30 s; per app a limit across all conversations; and
/// on top of that 429s injected at random. Only accepted requests count against the limits. A limit
/// 429 carries <c>Retry-After</c> (whole seconds, rounded up, as the header allows); an injected
/// one carries none, so the bot's own backoff is exercised too. Thread-safe.
/// </summary>
internal sealed class ThrottlingConnector
{
    private static readonly RateLimit[] ConversationLimits =
        [new(7, TimeSpan.FromSeconds(1)), new(8, TimeSpan.FromSeconds(2)), new(60, TimeSpan.FromSeconds(30))];

    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    private readonly RateLimit[] _appLimits;
    private readonly double _injectRate;
    private readonly TimeProvider _time;
    private readonly long _started;
    private readonly Random _random;
    private readonly Lock _lock = new();
    private readonly RequestLog _app = new(OneSecond);
    private readonly Dictionary<string, RequestLog> _conversations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _threadsPerChannel = new(StringComparer.Ordinal);
    private int _requests;
    private int _accepted;
    private int _conversationLimited;
    private int _appLimited;
    private int _injected;
    private int _unexpected;
    private int _peakPerSecond;

    /// <param name="appRequestsPerSecond">The app's limit across all conversations.</param>
    /// <param name="injectRate">The share of otherwise accepted requests answered 429 anyway, 0–1.</param>
    public ThrottlingConnector(int appRequestsPerSecond, double injectRate, TimeProvider time, int? seed = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(appRequestsPerSecond, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(injectRate);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(injectRate, 1);
        _appLimits = [new(appRequestsPerSecond, OneSecond)];
        _injectRate = injectRate;
        _time = time;
        _started = time.GetTimestamp();
        _random = seed is { } value ? new Random(value) : new Random();
    }

    /// <summary>Decides a post into <paramref name="conversationId"/>; a new thread in a channel names the channel.</summary>
    /// <param name="newThreadIn">The channel, when the post starts a thread there (counted once accepted).</param>
    public ThrottleDecision Decide(string conversationId, string? newThreadIn)
    {
        var key = KeyOf(conversationId);
        lock (_lock)
        {
            var now = _time.GetElapsedTime(_started);
            _requests++;
            if (!_conversations.TryGetValue(key, out var conversation))
            {
                conversation = new RequestLog(ConversationLimits[^1].Per);
                _conversations.Add(key, conversation);
            }

            if (conversation.WaitFor(ConversationLimits, now) is { } conversationWait)
            {
                _conversationLimited++;
                return new ThrottleDecision(ThrottleOutcome.ConversationLimited, RoundUp(conversationWait));
            }

            if (_app.WaitFor(_appLimits, now) is { } appWait)
            {
                _appLimited++;
                return new ThrottleDecision(ThrottleOutcome.AppLimited, RoundUp(appWait));
            }

            if (_injectRate > 0 && _random.NextDouble() < _injectRate)
            {
                _injected++;
                return new ThrottleDecision(ThrottleOutcome.Injected, null);
            }

            conversation.Add(now);
            _app.Add(now);
            _accepted++;
            _peakPerSecond = Math.Max(_peakPerSecond, _app.CountWithin(OneSecond, now));
            if (newThreadIn is not null)
            {
                _threadsPerChannel[newThreadIn] = _threadsPerChannel.GetValueOrDefault(newThreadIn) + 1;
            }

            return new ThrottleDecision(ThrottleOutcome.Accepted, null);
        }
    }

    /// <summary>Counts a request the fake does not serve.</summary>
    public void RecordUnexpected()
    {
        lock (_lock)
        {
            _requests++;
            _unexpected++;
        }
    }

    public ConnectorStats Snapshot()
    {
        lock (_lock)
        {
            return new ConnectorStats(
                _requests, _accepted, _conversationLimited, _appLimited, _injected, _unexpected, _peakPerSecond,
                new Dictionary<string, int>(_threadsPerChannel, StringComparer.Ordinal));
        }
    }

    /// <summary>The channel of a thread id (<c>19:…@thread.tacv2;messageid=…</c>): threads share their channel's limits.</summary>
    private static string KeyOf(string conversationId)
    {
        var index = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return index < 0 ? conversationId : conversationId[..index];
    }

    private static TimeSpan RoundUp(TimeSpan wait) => TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(wait.TotalSeconds)));
}
