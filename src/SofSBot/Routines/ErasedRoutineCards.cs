using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using SofSBot.Localization;
using SofSBot.Routines.AppreciativeInquiry;
using SofSBot.Routines.CaseSupervision;
using SofSBot.Routines.Highlights;

namespace SofSBot.Routines;

/// <summary>
/// After "mina data" erased a member's rows from a routine's table, replaces the routine cards in the
/// channels that showed them, so their name, text and id are gone from Teams too: every highlights
/// card of the week a highlight was in, the case-supervision card of a booking, the appreciative-inquiry
/// card whose interviewee or note it was. Told the erased rows as they were (see <see cref="Privacy.TablePersonalData"/>).
/// </summary>
internal sealed class ErasedRoutineCards(
    IHighlightsStore highlights,
    IWeekHighlights weekHighlights,
    ICaseSupervisionStore caseSupervision,
    TeamRoster roster,
    IOptions<CaseSupervisionOptions> caseSupervisionOptions,
    ILearningLog learningLog,
    PostedCardReplacer replacer)
{
    public async Task HighlightsAsync(IReadOnlyList<TableEntity> erased, CancellationToken cancellationToken)
    {
        foreach (var partitionKey in erased.Select(row => row.PartitionKey).Distinct(StringComparer.Ordinal))
        {
            if (!TableHighlightsStore.TryParsePartitionKey(partitionKey, out var teamId, out var week))
            {
                continue;
            }

            foreach (var meeting in (await highlights.ReadAsync(teamId, week, cancellationToken)).Meetings)
            {
                await replacer.ReplaceAsync(
                    teamId,
                    meeting.MeetingId,
                    async (_, token) =>
                    {
                        var board = await highlights.ReadAsync(teamId, week, token);
                        return new SharedCard(HighlightsCard.Shared(board, board.FindMeeting(meeting.MeetingId) ?? meeting), board.Version);
                    },
                    token => highlights.ReadVersionAsync(teamId, week, token),
                    cancellationToken);
            }
        }
    }

    public async Task CaseSupervisionAsync(IReadOnlyList<TableEntity> erased, CancellationToken cancellationToken)
    {
        var meetings = erased
            .Select(row => (row.PartitionKey, MeetingId: row.GetString("MeetingId")))
            .Where(meeting => meeting.MeetingId is { Length: > 0 })
            .Distinct();
        foreach (var (partitionKey, meetingId) in meetings)
        {
            if (!TableCaseSupervisionStore.TryParsePartitionKey(partitionKey, out var teamId, out var halfYear))
            {
                continue;
            }

            await replacer.ReplaceAsync(
                teamId,
                meetingId!,
                async (serviceUrl, token) =>
                {
                    var board = await caseSupervision.ReadAsync(teamId, halfYear, token);
                    var meeting = board.Meeting(meetingId!) ?? throw new InvalidOperationException($"The meeting {meetingId} of an erased booking is gone.");
                    var members = await roster.GetAsync(serviceUrl, teamId, token);
                    var card = CaseSupervisionCard.Render(
                        board, meeting, members, caseSupervisionOptions.Value.PresentationsPerYear, meeting.Language, Languages.CultureFor(null, meeting.Language));
                    return new SharedCard(card, board.Version);
                },
                token => caseSupervision.ReadVersionAsync(teamId, halfYear, token),
                cancellationToken);
        }
    }

    public async Task LearningLogAsync(IReadOnlyList<TableEntity> erased, CancellationToken cancellationToken)
    {
        foreach (var partitionKey in erased.Select(row => row.PartitionKey).Distinct(StringComparer.Ordinal))
        {
            if (!TableLearningLog.TryParsePartitionKey(partitionKey, out var teamId, out var meetingId))
            {
                continue;
            }

            await replacer.ReplaceAsync(
                teamId,
                meetingId,
                async (_, token) =>
                {
                    var board = await learningLog.GetAsync(teamId, meetingId, token)
                        ?? throw new InvalidOperationException($"The board of meeting {meetingId} is gone.");
                    var week = await weekHighlights.OfMeetingWeekAsync(teamId, board.MeetingDate, token);
                    return new SharedCard(InquiryCards.Shared(board, week), board.Version);
                },
                token => learningLog.GetVersionAsync(teamId, meetingId, token),
                cancellationToken);
        }
    }
}
