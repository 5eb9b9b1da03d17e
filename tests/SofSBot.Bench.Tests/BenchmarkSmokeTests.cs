using SofSBot.Bench;

namespace SofSBot.Bench.Tests;

/// <summary>
/// Runs each benchmark of <c>scripts/bench.sh</c> at a size that takes seconds. A benchmark exits
/// non-zero on a duplicate or lost post, a lost or failed answer, or an export that did not write
/// every answer; these tests hold it to that, not to any speed. One class, so they run one at a
/// time (each sets the process culture and prints to the console).
/// </summary>
public sealed class BenchmarkSmokeTests
{
    [Fact]
    public async Task Fan_out_posts_every_channel_once()
    {
        var exitCode = await BenchProgram.Main(["--teams", "6", "--inject-429", "20", "--seed", "7", "--poll", "1", "--timeout", "60"]);

        Assert.Equal(0, exitCode);
    }

    [Fact]
    public async Task Ratings_round_loses_no_answer_and_fails_no_invoke()
    {
        var exitCode = await BenchProgram.Main(["ratings", "--members", "12", "--concurrency", "6", "--runs", "1"]);

        Assert.Equal(0, exitCode);
    }

    [Fact]
    public async Task Export_writes_every_answer()
    {
        var exitCode = await BenchProgram.Main(["export", "--answers", "400", "--teams", "3"]);

        Assert.Equal(0, exitCode);
    }
}
