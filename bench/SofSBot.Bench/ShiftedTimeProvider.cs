namespace SofSBot.Bench;

/// <summary>
/// Real time, moved to another date: the wall clock starts at <paramref name="startAt"/> and runs at
/// the real pace; delays, timers and timestamps are the system's. Lets the bot find a Monday 08:30
/// occurrence due whatever day the benchmark runs.
/// </summary>
internal sealed class ShiftedTimeProvider(DateTimeOffset startAt) : TimeProvider
{
    private readonly TimeSpan _offset = startAt - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;
}
