using SofSBot.Localization;
using SofSBot.Privacy;
using SofSBot.TeamsEvents;

namespace SofSBot.Roles;

/// <summary>
/// "Mina data" for named team leaders and the coordinators who named them. Erasing removes the
/// person's naming (they are then a leader only where they own the team in Teams, and a coordinator
/// can name them again) and takes a coordinator's id off the namings they made, which stay.
/// </summary>
internal sealed class NamedLeaderPersonalData(INamedLeaderStore leaders, ITeamStore teams) : IPersonalDataSource
{
    private static readonly LocalizedText Feature = new("Teamledare", "Team leaders");

    public async Task<IReadOnlyList<PersonalDataItem>> FindAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var items = new List<PersonalDataItem>();
        foreach (var leader in await NamingsOfAsync(subject, cancellationToken))
        {
            var team = await TeamNameAsync(leader.TeamId, cancellationToken);
            items.Add(new PersonalDataItem(
                Feature,
                new LocalizedText(
                    $"Du är utsedd till teamledare i {team ?? "ett team"} (ditt namn och id)",
                    $"You are named leader of {team ?? "a team"} (your name and id)"),
                leader.NamedAt));
        }

        foreach (var leader in await leaders.ListNamedByAsync(Ids(subject), cancellationToken))
        {
            var team = await TeamNameAsync(leader.TeamId, cancellationToken);
            items.Add(new PersonalDataItem(
                Feature,
                new LocalizedText(
                    $"Du utsåg en teamledare i {team ?? "ett team"} (ditt id; utnämningen blir kvar)",
                    $"You named a leader of {team ?? "a team"} (your id; the naming stays)"),
                leader.NamedAt));
        }

        return items;
    }

    public async Task<int> EraseAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var erased = 0;
        foreach (var leader in await NamingsOfAsync(subject, cancellationToken))
        {
            if (await leaders.RemoveAsync(leader.TeamId, leader.AadObjectId, cancellationToken))
            {
                erased++;
            }
        }

        var ids = Ids(subject);
        foreach (var leader in await leaders.ListNamedByAsync(ids, cancellationToken))
        {
            if (await leaders.ForgetNamerAsync(leader.TeamId, leader.AadObjectId, ids, cancellationToken))
            {
                erased++;
            }
        }

        return erased;
    }

    /// <summary>Named leaders are stored by Entra object id only: a subject without one has none.</summary>
    private async Task<IReadOnlyList<NamedLeader>> NamingsOfAsync(DataSubject subject, CancellationToken cancellationToken) =>
        subject.AadObjectId is { Length: > 0 } aadObjectId ? await leaders.ListForPersonAsync(aadObjectId, cancellationToken) : [];

    /// <summary>NamedBy holds the coordinator's Entra object id as Teams sent it.</summary>
    private static List<string> Ids(DataSubject subject) =>
        subject.AadObjectId is { Length: > 0 } aadObjectId
            ? new[] { aadObjectId, aadObjectId.ToLowerInvariant(), aadObjectId.ToUpperInvariant() }.Distinct(StringComparer.Ordinal).ToList()
            : [];

    private async Task<string?> TeamNameAsync(string teamId, CancellationToken cancellationToken) =>
        (await teams.GetTeamAsync(teamId, cancellationToken))?.Name;
}
