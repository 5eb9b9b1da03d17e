using SofSBot.BotFramework.Cards;

namespace SofSBot.Routines;

/// <summary>The card to post for a meeting: the routine's own, or the plain reminder for routines without one.</summary>
internal sealed class RoutineCardFactory(IEnumerable<IRoutineCards> routines)
{
    private readonly Dictionary<RoutineKind, IRoutineCards> _byRoutine = routines.ToDictionary(routine => routine.Routine);

    public Task<AdaptiveCard> CreateAsync(RoutineMeeting meeting, CancellationToken cancellationToken) =>
        _byRoutine.TryGetValue(meeting.Routine, out var routine)
            ? routine.CreateAsync(meeting, cancellationToken)
            : Task.FromResult(RoutineCard.Create(meeting.Routine, meeting.Language, meeting.MeetingDate, meeting.MeetingTime));
}
