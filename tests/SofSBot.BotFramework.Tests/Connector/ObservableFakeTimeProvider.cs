using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace SofSBot.BotFramework.Tests.Connector;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that tells the test when code starts waiting, and for how long,
/// so the test can move time exactly when a delay is pending instead of guessing or sleeping.
/// </summary>
internal sealed class ObservableFakeTimeProvider() : FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero))
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _timers.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>The due time of the next timer created (already or later).</summary>
    public async Task<TimeSpan> NextTimerAsync() =>
        await _timers.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    /// <summary>
    /// Runs <paramref name="call"/> to its end by advancing time through every delay it waits on;
    /// returns the delays in order. The call's outcome is left for the test to await.
    /// </summary>
    public async Task<IReadOnlyList<TimeSpan>> DriveAsync(Task call)
    {
        var delays = new List<TimeSpan>();
        while (true)
        {
            // WaitToReadAsync does not consume, so nothing is lost when the call finishes first.
            var timerPending = _timers.Reader.WaitToReadAsync().AsTask();
            var first = await Task.WhenAny(call, timerPending).WaitAsync(TimeSpan.FromSeconds(10));
            if (first == call)
            {
                return delays;
            }

            if (_timers.Reader.TryRead(out var due))
            {
                delays.Add(due);
                Advance(due);
            }
        }
    }
}
