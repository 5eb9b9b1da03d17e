using Microsoft.Extensions.Options;
using SofSBot.BotFramework.Cards;
using SofSBot.Localization;
using SofSBot.TeamsEvents;

namespace SofSBot.Routines.CaseSupervision;

/// <summary>
/// Posts a meeting's case-supervision card: stores the meeting (with today's number of slots) the
/// first time, then renders the shared view, with the team's standing when its roster can be read.
/// </summary>
internal sealed class CaseSupervisionCards(
    ICaseSupervisionStore store,
    ITeamStore teams,
    TeamRoster roster,
    IOptions<CaseSupervisionOptions> options) : IRoutineCards
{
    public RoutineKind Routine => RoutineKind.CaseSupervision;

    public async Task<AdaptiveCard> CreateAsync(RoutineMeeting meeting, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await store.EnsureMeetingAsync(
            meeting.TeamId,
            new SupervisionMeeting(meeting.MeetingId, meeting.MeetingDate, meeting.MeetingTime, settings.Slots, meeting.Language, meeting.ChannelId),
            cancellationToken);

        var board = await store.ReadAsync(meeting.TeamId, HalfYear.Of(meeting.MeetingDate), cancellationToken);
        var stored = board.Meeting(meeting.MeetingId) ?? throw new InvalidOperationException($"The meeting {meeting.MeetingId} was not stored.");
        var members = await teams.GetTeamAsync(meeting.TeamId, cancellationToken) is { } team
            ? await roster.GetAsync(new Uri(team.ServiceUrl), meeting.TeamId, cancellationToken)
            : null;
        return CaseSupervisionCard.Render(
            board, stored, members, settings.PresentationsPerYear, stored.Language, Languages.CultureFor(null, stored.Language));
    }
}
