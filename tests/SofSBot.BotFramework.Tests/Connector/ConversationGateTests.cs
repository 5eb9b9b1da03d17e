using SofSBot.BotFramework.Connector;

namespace SofSBot.BotFramework.Tests.Connector;

public sealed class ConversationGateTests : IDisposable
{
    private readonly ConversationGate _gate = new();
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));

    private CancellationToken Ct => _timeout.Token;

    [Theory]
    [InlineData("19:abc@thread.tacv2;messageid=1740912345678", "19:abc@thread.tacv2")]
    [InlineData("19:abc@thread.tacv2;MessageId=1", "19:abc@thread.tacv2")]
    [InlineData("19:abc@thread.tacv2", "19:abc@thread.tacv2")]
    [InlineData("a:1Xc-Jq7tKm3v", "a:1Xc-Jq7tKm3v")]
    public void A_thread_is_gated_with_its_channel(string conversationId, string key) =>
        Assert.Equal(key, ConversationGate.KeyOf(conversationId));

    [Fact]
    public async Task The_second_caller_waits_until_the_first_is_done()
    {
        var first = await _gate.EnterAsync("a:1", Ct);
        var second = _gate.EnterAsync("a:1;messageid=2", Ct);

        Assert.False(second.IsCompleted);
        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(10), Ct)).Dispose();
    }

    [Fact]
    public async Task Entries_are_removed_when_nobody_holds_or_awaits_them()
    {
        for (var i = 0; i < 100; i++)
        {
            using var turn = await _gate.EnterAsync($"a:{i}", Ct);
            Assert.Equal(1, _gate.Count);
        }

        Assert.Equal(0, _gate.Count);
    }

    [Fact]
    public async Task A_waiter_that_gives_up_leaves_the_gate_usable_and_clean()
    {
        var first = await _gate.EnterAsync("a:1", Ct);
        using var impatient = new CancellationTokenSource();
        var waiting = _gate.EnterAsync("a:1", impatient.Token);

        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        first.Dispose();
        first.Dispose();

        Assert.Equal(0, _gate.Count);
        (await _gate.EnterAsync("a:1", Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct)).Dispose();
        Assert.Equal(0, _gate.Count);
    }

    public void Dispose() => _timeout.Dispose();
}
