using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SofSBot.Hosting;

namespace SofSBot.Tests.Hosting;

/// <summary>The background passes (reminders, retention, clean-up) survive a failing pass.</summary>
public sealed class PeriodicPassTests
{
    [Fact]
    public async Task A_failing_pass_is_logged_and_the_next_one_runs()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));
        using var pass = new CountingPass(time, failFirst: true);

        await pass.StartAsync(CancellationToken.None);
        await pass.WaitForPassesAsync(1);
        time.Advance(TimeSpan.FromMinutes(15));
        await pass.WaitForPassesAsync(2);

        Assert.False(pass.ExecuteTask!.IsFaulted);
        await pass.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_pass_that_waits_for_the_first_interval_does_not_run_at_start()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));
        using var pass = new CountingPass(time, failFirst: false, runAtStart: false);

        await pass.StartAsync(CancellationToken.None);
        await Task.Delay(200);
        Assert.Equal(0, pass.Passes);
        time.Advance(TimeSpan.FromMinutes(15));
        await pass.WaitForPassesAsync(1);

        await pass.StopAsync(CancellationToken.None);
    }

    private sealed class CountingPass(FakeTimeProvider time, bool failFirst, bool runAtStart = true) : PeriodicPass
    {
        private int _passes;

        public int Passes => Volatile.Read(ref _passes);

        protected override TimeProvider Time => time;

        protected override ILogger Logger => NullLogger.Instance;

        protected override bool RunAtStart => runAtStart;

        protected override TimeSpan Interval => TimeSpan.FromMinutes(15);

        public async Task WaitForPassesAsync(int count)
        {
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (Passes < count)
            {
                Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), $"Only {Passes} of {count} passes ran.");
                await Task.Delay(10);
            }
        }

        protected override Task RunPassAsync(CancellationToken cancellationToken)
        {
            var pass = Interlocked.Increment(ref _passes);
            return failFirst && pass == 1 ? throw new InvalidOperationException("Storage is away.") : Task.CompletedTask;
        }
    }
}
