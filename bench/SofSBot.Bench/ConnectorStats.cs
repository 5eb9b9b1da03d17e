namespace SofSBot.Bench;

/// <summary>What the fake connector saw during a run.</summary>
internal sealed record ConnectorStats(
    int Requests,
    int Accepted,
    int ConversationLimited,
    int AppLimited,
    int Injected,
    int Unexpected,
    int PeakPerSecond,
    IReadOnlyDictionary<string, int> ThreadsPerChannel);
