using SofSBot.Localization;
using SofSBot.Privacy;
using SofSBot.Routines;
using SofSBot.TeamsEvents;

namespace SofSBot.Scheduling;

/// <summary>
/// "Mina data" for team leaders: the schedules whose <see cref="Schedule.CreatedBy"/> names them. The
/// schedule is the team's and stays when they erase their data; only their id is taken off it. (An
/// edit saved in the same few milliseconds, from a read made before the erasure, could write the id
/// back; asking again shows it.)
/// </summary>
internal sealed class SchedulePersonalData(IScheduleStore schedules, ITeamStore teams) : IPersonalDataSource
{
    private static readonly LocalizedText Feature = new("Scheman för teamets rutiner", "Schedules of the team's routines");

    public async Task<IReadOnlyList<PersonalDataItem>> FindAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var items = new List<PersonalDataItem>();
        foreach (var schedule in await schedules.ListCreatedByAsync(IdsOf(subject), cancellationToken))
        {
            var team = (await teams.GetTeamAsync(schedule.TeamId, cancellationToken))?.Name;
            var sv = RoutineTexts.Swedish.NameOf(schedule.Routine);
            var en = RoutineTexts.English.NameOf(schedule.Routine);
            items.Add(new PersonalDataItem(
                Feature,
                new LocalizedText(
                    $"Du skapade schemat för {sv} i {team ?? "ett team"} (ditt id; schemat är teamets och blir kvar)",
                    $"You created the schedule for {en} in {team ?? "a team"} (your id; the schedule is the team's and stays)"),
                schedule.CreatedAt));
        }

        return items;
    }

    public async Task<int> EraseAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var ids = IdsOf(subject);
        var erased = 0;
        foreach (var schedule in await schedules.ListCreatedByAsync(ids, cancellationToken))
        {
            if (await schedules.ForgetCreatorAsync(schedule.TeamId, schedule.ScheduleId, ids, cancellationToken))
            {
                erased++;
            }
        }

        return erased;
    }

    /// <summary>
    /// The ids a schedule may name its creator by: the Entra object id as Teams sent it (in either case)
    /// or, for a sender without one, the Teams id.
    /// </summary>
    internal static List<string> IdsOf(DataSubject subject) =>
        new[] { subject.UserId, subject.AadObjectId, subject.AadObjectId?.ToLowerInvariant(), subject.AadObjectId?.ToUpperInvariant() }
            .OfType<string>()
            .Where(id => id.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
