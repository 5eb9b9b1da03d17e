using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using SofSBot.Localization;
using SofSBot.Routines.AppreciativeInquiry;
using SofSBot.Routines.CaseSupervision;
using SofSBot.Routines.Highlights;
using SofSBot.Scheduling;

namespace SofSBot.Routines;

/// <summary>
/// After "mina data" erased a member's rows from a routine's table, or a retention pass deleted old
/// text, replaces the routine cards in the channels that showed them, so the name, text and id are gone
/// from Teams too: every highlights card of the week a highlight was in and the appreciative-inquiry cards of that week
/// (they quote it), the case-supervision card of a
/// booking, the appreciative-inquiry card whose interviewee or note it was. "Mina data" tells it the
/// erased rows as they were (see <see cref="Privacy.TablePersonalData"/>).
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
            if (TableHighlightsStore.TryParsePartitionKey(partitionKey, out var teamId, out var week))
            {
                await HighlightsAsync(teamId, week, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Replaces every highlights card of the team's week, and the appreciative-inquiry cards of meetings in
    /// that week (they quote the proposed highlight).
    /// </summary>
    public async Task HighlightsAsync(string teamId, IsoWeek week, CancellationToken cancellationToken)
    {
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

        foreach (var inquiry in await learningLog.MeetingsBetweenAsync(teamId, week.Monday, week.Monday.AddDays(6), cancellationToken))
        {
            await InquiryAsync(inquiry, cancellationToken);
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
            if (TableCaseSupervisionStore.TryParsePartitionKey(partitionKey, out var teamId, out var halfYear))
            {
                await CaseSupervisionAsync(new SupervisionMeetingKey(teamId, halfYear, meetingId!), cancellationToken);
            }
        }
    }

    public Task CaseSupervisionAsync(SupervisionMeetingKey key, CancellationToken cancellationToken) =>
        replacer.ReplaceAsync(
            key.TeamId,
            key.MeetingId,
            async (serviceUrl, token) =>
            {
                var board = await caseSupervision.ReadAsync(key.TeamId, key.HalfYear, token);
                var meeting = board.Meeting(key.MeetingId) ?? throw new InvalidOperationException($"The meeting {key.MeetingId} is gone.");
                var members = await roster.GetAsync(serviceUrl, key.TeamId, token);
                var card = CaseSupervisionCard.Render(
                    board, meeting, members, caseSupervisionOptions.Value.PresentationsPerYear, meeting.Language, Languages.CultureFor(null, meeting.Language));
                return new SharedCard(card, board.Version);
            },
            token => caseSupervision.ReadVersionAsync(key.TeamId, key.HalfYear, token),
            cancellationToken);

    public async Task LearningLogAsync(IReadOnlyList<TableEntity> erased, CancellationToken cancellationToken)
    {
        foreach (var partitionKey in erased.Select(row => row.PartitionKey).Distinct(StringComparer.Ordinal))
        {
            if (TableLearningLog.TryParsePartitionKey(partitionKey, out var teamId, out var meetingId))
            {
                await InquiryAsync(new InquiryMeetingKey(teamId, meetingId), cancellationToken);
            }
        }
    }

    public Task InquiryAsync(InquiryMeetingKey key, CancellationToken cancellationToken) =>
        replacer.ReplaceAsync(
            key.TeamId,
            key.MeetingId,
            async (_, token) =>
            {
                var board = await learningLog.GetAsync(key.TeamId, key.MeetingId, token)
                    ?? throw new InvalidOperationException($"The board of meeting {key.MeetingId} is gone.");
                var week = await weekHighlights.OfMeetingWeekAsync(key.TeamId, board.MeetingDate, token);
                return new SharedCard(InquiryCards.Shared(board, week), board.Version);
            },
            token => learningLog.GetVersionAsync(key.TeamId, key.MeetingId, token),
            cancellationToken);
}
