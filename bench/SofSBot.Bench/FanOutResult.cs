namespace SofSBot.Bench;

/// <summary>The figures of one fan-out run.</summary>
internal sealed record FanOutResult(
    int Teams,
    int Budget,
    TimeSpan Seeding,
    TimeSpan Wall,
    int Passes,
    int FailedPasses,
    bool Finished,
    int LedgerPosted,
    ConnectorStats Connector)
{
    /// <summary>Channels that got at least one thread.</summary>
    public int ChannelsPosted => Connector.ThreadsPerChannel.Count;

    /// <summary>Channels that got more than one thread.</summary>
    public int Duplicates => Connector.ThreadsPerChannel.Values.Count(threads => threads > 1);

    /// <summary>Channels that got no thread.</summary>
    public int Lost => Teams - ChannelsPosted;

    public double PostsPerSecond => ChannelsPosted / Wall.TotalSeconds;

    public double BudgetRatio => PostsPerSecond / Budget;

    public int Throttled => Connector.ConversationLimited + Connector.AppLimited + Connector.Injected;

    public bool Ok => Finished && Duplicates == 0 && Lost == 0 && Connector.Unexpected == 0;
}
