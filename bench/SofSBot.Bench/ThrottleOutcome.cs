namespace SofSBot.Bench;

/// <summary>What the fake connector made of one post.</summary>
internal enum ThrottleOutcome
{
    Accepted,

    /// <summary>429: the conversation's limits (7 per 1 s, 8 per 2 s, 60 per 30 s) were reached.</summary>
    ConversationLimited,

    /// <summary>429: the app's limit across all conversations was reached.</summary>
    AppLimited,

    /// <summary>429 at random, as Teams sometimes throttles for reasons of its own.</summary>
    Injected,
}
