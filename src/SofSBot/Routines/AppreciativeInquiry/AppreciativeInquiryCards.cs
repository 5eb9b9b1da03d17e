using SofSBot.BotFramework.Cards;
using SofSBot.Routines.Highlights;

namespace SofSBot.Routines.AppreciativeInquiry;

/// <summary>
/// Makes the card posted for a meeting: stores the meeting's board once (the week's questions and
/// the proposed highlight) and shows it. A post that is tried again finds the board and shows it
/// unchanged.
/// </summary>
internal sealed class AppreciativeInquiryCards(ILearningLog log, IWeekHighlights weekHighlights) : IRoutineCards
{
    public RoutineKind Routine => RoutineKind.AppreciativeInquiry;

    public async Task<AdaptiveCard> CreateAsync(RoutineMeeting meeting, CancellationToken cancellationToken)
    {
        var highlights = await weekHighlights.OfMeetingWeekAsync(meeting.TeamId, meeting.MeetingDate, cancellationToken);
        var previous = await log.PreviousIntervieweeAsync(meeting.TeamId, meeting.MeetingDate, cancellationToken);
        var proposed = HighlightProposal.First(highlights, previous);
        var board = await log.ChangeAsync(meeting.TeamId, meeting.MeetingId, existing =>
        {
            if (existing is not null)
            {
                return BoardChange<InquiryBoard>.Nothing(existing);
            }

            var created = new InquiryBoard(
                meeting.TeamId,
                meeting.MeetingId,
                meeting.MeetingDate,
                meeting.MeetingTime,
                meeting.Language,
                [.. QuestionRotation.For(meeting.TeamId, meeting.MeetingDate).Select(question => question.Id)],
                proposed is null ? null : Interviewee.ProposedFor(proposed),
                ProposalRound: 0,
                Notes: [],
                Version: 0);
            return new BoardChange<InquiryBoard>(created, null, created);
        }, cancellationToken);
        return InquiryCards.Shared(board, highlights);
    }
}
