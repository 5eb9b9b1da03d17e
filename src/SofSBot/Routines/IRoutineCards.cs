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
}
