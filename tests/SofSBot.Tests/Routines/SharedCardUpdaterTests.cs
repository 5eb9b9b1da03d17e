using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using SofSBot.BotFramework.Activities;
using SofSBot.BotFramework.Cards;
using SofSBot.BotFramework.Connector;
using SofSBot.Routines;

namespace SofSBot.Tests.Routines;

/// <summary>Every routine's shared card: many changes at once cost a few replacements, and the last change always shows.</summary>
public sealed class SharedCardUpdaterTests
{
    private static readonly Uri ServiceUrl = new("https://smba.example.test/emea/");

    [Fact]
    public async Task Changes_made_while_the_card_is_being_replaced_are_shown_by_one_more_replacement_not_one_each()
    {
        var stored = 0L;
        var shown = new List<long>();
        var firstReplacement = new TaskCompletionSource();
        var releaseFirst = new TaskCompletionSource();
        var connector = new Mock<IConnectorClient>();
        connector
            .Setup(c => c.UpdateActivityAsync(ServiceUrl, "conv", "card-1", It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .Returns(async (Uri _, string _, string _, Activity activity, CancellationToken _) =>
            {
                lock (shown)
                {
                    shown.Add(long.Parse(((TextBlock)((AdaptiveCard)activity.Attachments![0].Content!).Body[0]).Text, System.Globalization.CultureInfo.InvariantCulture));
                }

                if (firstReplacement.TrySetResult())
                {
                    await releaseFirst.Task;
                }

                return new ResourceResponse("card-1");
            });
        var updater = new SharedCardUpdater(NullLogger<SharedCardUpdater>.Instance);

        Task Change() => updater.UpdateAsync(
            connector.Object,
            ServiceUrl,
            "conv",
            "card-1",
            _ => Task.FromResult(Render(Interlocked.Read(ref stored))),
            _ => Task.FromResult(Interlocked.Read(ref stored)),
            CancellationToken.None);

        Interlocked.Increment(ref stored);
        var first = Change();
        await firstReplacement.Task;

        // Twenty members act while the first replacement is under way.
        var others = Enumerable.Range(0, 20).Select(_ =>
        {
            Interlocked.Increment(ref stored);
            return Change();
        }).ToList();
        releaseFirst.SetResult();
        await Task.WhenAll([first, .. others]);

        Assert.InRange(shown.Count, 2, 3);
        Assert.Equal(21, shown[^1]);
    }

    [Fact]
    public async Task A_failing_replacement_does_not_fail_the_change_that_asked_for_it()
    {
        var connector = new Mock<IConnectorClient>();
        connector
            .Setup(c => c.UpdateActivityAsync(It.IsAny<Uri>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TaskCanceledException("The connector did not answer in time."));
        var updater = new SharedCardUpdater(NullLogger<SharedCardUpdater>.Instance);

        await updater.UpdateAsync(connector.Object, ServiceUrl, "conv", "card-1", _ => Task.FromResult(Render(1)), _ => Task.FromResult(1L), CancellationToken.None);

        connector.Verify(c => c.UpdateActivityAsync(ServiceUrl, "conv", "card-1", It.IsAny<Activity>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_turn_whose_connector_budget_runs_out_is_answered_and_the_replacement_finishes_after_it_unbounded()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.Parse("2026-12-07T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var connectorCalled = new TaskCompletionSource<DateTimeOffset?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var connectorAnswers = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var replaced = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var connector = new Mock<IConnectorClient>();
        connector
            .Setup(c => c.UpdateActivityAsync(ServiceUrl, "conv", "card-1", It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .Returns(async (Uri _, string _, string _, Activity _, CancellationToken _) =>
            {
                // What the connector client would hold this call to: the starting turn's deadline, if it flowed here.
                connectorCalled.TrySetResult(ConnectorTurnBudget.Deadline);
                await connectorAnswers.Task;
                replaced.TrySetResult();
                return new ResourceResponse("card-1");
            });
        var updater = new SharedCardUpdater(NullLogger<SharedCardUpdater>.Instance, time);

        Task turn;
        using (ConnectorTurnBudget.Begin(time.GetUtcNow() + TimeSpan.FromSeconds(5)))
        {
            turn = updater.UpdateAsync(connector.Object, ServiceUrl, "conv", "card-1", _ => Task.FromResult(Render(1)), _ => Task.FromResult(1L), CancellationToken.None);
            Assert.Null(await connectorCalled.Task.WaitAsync(TimeSpan.FromSeconds(30)));
            time.Advance(TimeSpan.FromSeconds(6));
            await turn.WaitAsync(TimeSpan.FromSeconds(30));
        }

        Assert.False(replaced.Task.IsCompleted);
        connectorAnswers.SetResult();
        await replaced.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private static SharedCard Render(long version) =>
        new(new AdaptiveCard { Body = [new TextBlock(version.ToString(System.Globalization.CultureInfo.InvariantCulture))] }, version);
}
