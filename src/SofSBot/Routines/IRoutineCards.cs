using SofSBot.BotFramework.Cards;

namespace SofSBot.Routines;

/// <summary>One routine's card, as posted into the channel for a meeting.</summary>
internal interface IRoutineCards
{
    RoutineKind Routine { get; }

    /// <summary>
    /// The card everyone sees when it is posted. Called before the post is sent; may store what the
    /// card's actions need later (must then be idempotent: a post that fails is tried again).
    /// </summary>
    Task<AdaptiveCard> CreateAsync(RoutineMeeting meeting, CancellationToken cancellationToken);

    /// <summary>
    /// Told where the card landed once it is in the channel, for routines that replace it later
    /// without anyone acting on it (a rating round closed by its deadline). Must not throw for a
    /// card that is already posted; failures are logged by the caller.
    /// </summary>
    Task PostedAsync(RoutineMeeting meeting, string conversationId, string activityId, CancellationToken cancellationToken) => Task.CompletedTask;
}
