namespace SofSBot.Routines;

/// <summary>Where each meeting's routine card was posted, written by the post itself: the only source of the card a change replaces.</summary>
internal interface IRoutineCardStore
{
    /// <summary>Remembers the card of a meeting; a later post of the same meeting (a retry) replaces the place.</summary>
    Task SaveAsync(string teamId, string meetingId, RoutineKind routine, PostedCard card, CancellationToken cancellationToken);

    Task<PostedCard?> GetAsync(string teamId, string meetingId, CancellationToken cancellationToken);
}
