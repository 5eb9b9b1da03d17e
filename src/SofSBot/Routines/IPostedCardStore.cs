namespace SofSBot.Routines;

/// <summary>
/// Where each meeting's routine card was posted (scheduled and "skicka nu" alike), so that the bot can
/// replace a card nobody is acting on, e.g. after a member erased their data.
/// </summary>
internal interface IPostedCardStore
{
    Task RememberAsync(RoutineMeeting meeting, PostedCard card, CancellationToken cancellationToken);

    Task<PostedCard?> GetAsync(string teamId, string meetingId, CancellationToken cancellationToken);
}
