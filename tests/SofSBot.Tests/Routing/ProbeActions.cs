using SofSBot.CardActions;

namespace SofSBot.Tests.Routing;

/// <summary>Test routes' handlers: they record that they ran, and what they were given.</summary>
internal sealed class ProbeActions
{
    private int _runs;

    public int Runs => Volatile.Read(ref _runs);

    public Task<CardActionResult> RunAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _runs);
        return Task.FromResult(CardActionResult.ShowMessage("ran"));
    }

    public Task<CardActionResult> RunTypedAsync(CardActionContext context, ProbeData data, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _runs);
        return Task.FromResult(CardActionResult.ShowMessage($"minutes: {data.Minutes}"));
    }

    /// <summary>Reads roles although its route did not ask for them: a mistake the route table must surface.</summary>
    public Task<CardActionResult> ReadRolesAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _runs);
        return Task.FromResult(CardActionResult.ShowMessage(context.Roles.IsTeamLeader ? "leader" : "member"));
    }
}
