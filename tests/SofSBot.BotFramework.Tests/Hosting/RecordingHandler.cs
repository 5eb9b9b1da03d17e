using System.Collections.Concurrent;
using SofSBot.BotFramework.Activities;
using SofSBot.BotFramework.Hosting;
using SofSBot.BotFramework.Invoke;

namespace SofSBot.BotFramework.Tests.Hosting;

/// <summary>An application that records what reached it and answers as told.</summary>
internal sealed class RecordingHandler(Func<TurnContext, InvokeResponse?> respond) : IActivityHandler
{
    public ConcurrentQueue<Activity> Received { get; } = new();

    public Task<InvokeResponse?> OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        Received.Enqueue(turn.Activity);
        return Task.FromResult(respond(turn));
    }
}
