using SofSBot.BotFramework.Cards;

namespace SofSBot.Routines;

/// <summary>The card to post for a meeting: the routine's own, or the plain reminder for routines without one.</summary>
internal sealed partial class RoutineCardFactory(IEnumerable<IRoutineCards> routines, IRoutineCardStore postedCards, ILogger<RoutineCardFactory> logger)
{
    private readonly Dictionary<RoutineKind, IRoutineCards> _byRoutine = routines.ToDictionary(routine => routine.Routine);

    public Task<AdaptiveCard> CreateAsync(RoutineMeeting meeting, CancellationToken cancellationToken) =>
        _byRoutine.TryGetValue(meeting.Routine, out var routine)
            ? routine.CreateAsync(meeting, cancellationToken)
            : Task.FromResult(RoutineCard.Create(meeting.Routine, meeting.Language, meeting.MeetingDate, meeting.MeetingTime));

    /// <summary>
    /// Stores where the meeting's card is (the card every later change replaces) and tells the routine.
    /// Never throws: the card is in the channel, and a failure here must not make the caller post it again.
    /// </summary>
    public async Task PostedAsync(RoutineMeeting meeting, string? conversationId, string? activityId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(conversationId) || string.IsNullOrEmpty(activityId))
        {
            return;
        }

        await RememberAsync(meeting, ct => postedCards.SaveAsync(meeting.TeamId, meeting.MeetingId, meeting.Routine, new PostedCard(conversationId, activityId), ct), cancellationToken);
        if (_byRoutine.TryGetValue(meeting.Routine, out var routine))
        {
            await RememberAsync(meeting, ct => routine.PostedAsync(meeting, conversationId, activityId, ct), cancellationToken);
        }
    }

    private async Task RememberAsync(RoutineMeeting meeting, Func<CancellationToken, Task> remember, CancellationToken cancellationToken)
    {
        try
        {
            await remember(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogPostedFailed(exception, meeting.TeamId, meeting.MeetingId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remember where the card of meeting {MeetingId} in team {TeamId} was posted")]
    private partial void LogPostedFailed(Exception exception, string teamId, string meetingId);
}
