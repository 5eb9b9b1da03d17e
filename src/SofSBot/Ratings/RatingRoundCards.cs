using Microsoft.Extensions.Options;
using SofSBot.BotFramework.Cards;
using SofSBot.Routines;

namespace SofSBot.Ratings;

/// <summary>
/// The rating round a schedule posts: a round in the period of the meeting day, open for
/// <see cref="RatingsOptions.ScheduledRoundLength"/>. The meeting id is the round id, so a post that
/// is tried again finds the round it created the first time.
/// </summary>
internal sealed class RatingRoundCards(
    RatingRounds ratingRounds, IRatingPeriodStore periods, IRatingAnswerStore answers, IOptions<RatingsOptions> options) : IRoutineCards
{
    public RoutineKind Routine => RoutineKind.RatingRound;

    public async Task<AdaptiveCard> CreateAsync(RoutineMeeting meeting, CancellationToken cancellationToken)
    {
        var period = await periods.ForDateAsync(meeting.MeetingDate, cancellationToken);
        var lastDay = meeting.MeetingDate.AddDays((int)Math.Ceiling(options.Value.ScheduledRoundLength.TotalDays) - 1);
        var round = await ratingRounds.CreateAsync(
            meeting.TeamId, meeting.MeetingId, period, RatingCards.DeadlineAfter(lastDay), meeting.Language, meeting.ChannelId, openedBy: null, cancellationToken);
        return RatingCards.Shared(round, await answers.CountRespondentsAsync(round, cancellationToken));
    }

    /// <summary>Remembers the card's place now, so the deadline can replace it with the results even if nobody touched it.</summary>
    public async Task PostedAsync(RoutineMeeting meeting, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        if (await ratingRounds.GetAsync(meeting.TeamId, meeting.MeetingId, cancellationToken) is { } round)
        {
            await ratingRounds.RememberCardAsync(round, conversationId, activityId, cancellationToken);
        }
    }
}
