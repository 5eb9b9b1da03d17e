namespace SofSBot.BotFramework.Connector;

/// <summary>
/// The time left for connector calls made while an inbound call waits for its answer. The messaging
/// endpoint opens a budget for each turn (<see cref="ConnectorOptions.TurnBudget"/>); within it the
/// connector client retries only while a retry can still end before the deadline, and gives up on a
/// call at the deadline, so Teams gets its answer in time even when the connector cannot be reached.
/// What could not be sent is logged by the client; posts the user never saw have retry paths of their
/// own (the scheduler). Ambient, like <see cref="System.Diagnostics.Activity.Current"/>: it follows the
/// turn's async flow, and it ends with the turn, so work the turn leaves running in the background is
/// not held to it afterwards.
/// </summary>
public static class ConnectorTurnBudget
{
    private static readonly AsyncLocal<Scope?> CurrentScope = new();

    /// <summary>The deadline of the turn in progress on this flow, if any.</summary>
    public static DateTimeOffset? Deadline => CurrentScope.Value is { Ended: false } scope ? scope.Deadline : null;

    /// <summary>Opens a budget ending at <paramref name="deadline"/>; disposing it ends the turn's budget.</summary>
    public static IDisposable Begin(DateTimeOffset deadline)
    {
        var scope = new Scope(deadline, CurrentScope.Value);
        CurrentScope.Value = scope;
        return scope;
    }

    /// <summary>The time left before the deadline (zero when past), or null outside a turn.</summary>
    public static TimeSpan? Remaining(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return Deadline is { } deadline ? TimeSpan.FromTicks(Math.Max(0, (deadline - timeProvider.GetUtcNow()).Ticks)) : null;
    }

    private sealed class Scope(DateTimeOffset deadline, Scope? outer) : IDisposable
    {
        public DateTimeOffset Deadline { get; } = deadline;

        // Volatile: background work the turn started reads it from other threads.
        private volatile bool _ended;

        public bool Ended => _ended;

        public void Dispose()
        {
            _ended = true;
            CurrentScope.Value = outer;
        }
    }
}
