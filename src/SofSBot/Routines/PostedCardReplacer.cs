using SofSBot.BotFramework.Connector;
using SofSBot.TeamsEvents;

namespace SofSBot.Routines;

/// <summary>
/// Replaces a meeting's routine card in the channel with its shared view outside any card action
/// (after an erasure): finds where it was posted (<see cref="RoutineCardLocations"/>: the stored place,
/// or for a scheduled card posted before places were stored, the occurrence ledger) and replaces it through
/// <see cref="SharedCardUpdater"/>. Never throws: what it replaces is already stored, and a card it
/// cannot reach is logged.
/// </summary>
internal sealed partial class PostedCardReplacer(
    RoutineCardLocations locations,
    ITeamStore teams,
    IConnectorClient connector,
    SharedCardUpdater updater,
    ILogger<PostedCardReplacer> logger)
{
    /// <param name="renderShared">Renders the shared view from storage; gets the team's service URL (for its roster).</param>
    public async Task ReplaceAsync(
        string teamId,
        string meetingId,
        Func<Uri, CancellationToken, Task<SharedCard>> renderShared,
        Func<CancellationToken, Task<long>> readVersion,
        CancellationToken cancellationToken)
    {
        try
        {
            var team = await teams.GetTeamAsync(teamId, cancellationToken);
            var card = await locations.FindAsync(teamId, meetingId, cancellationToken);
            if (team is null || card is null)
            {
                LogCardUnknown(teamId, meetingId);
                return;
            }

            var serviceUrl = new Uri(team.ServiceUrl);
            await updater.UpdateAsync(
                connector, serviceUrl, card.ConversationId, card.ActivityId, token => renderShared(serviceUrl, token), readVersion, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogReplaceFailed(exception, teamId, meetingId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The card of meeting {MeetingId} in team {TeamId} is not known; it was not replaced")]
    private partial void LogCardUnknown(string teamId, string meetingId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not replace the card of meeting {MeetingId} in team {TeamId}")]
    private partial void LogReplaceFailed(Exception exception, string teamId, string meetingId);
}
