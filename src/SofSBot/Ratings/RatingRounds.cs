using Microsoft.Extensions.Options;
using SofSBot.BotFramework.Activities;
using SofSBot.BotFramework.Cards;
using SofSBot.BotFramework.Connector;
using SofSBot.Localization;
using SofSBot.Routines;
using SofSBot.Scheduling;
using SofSBot.TeamsEvents;

namespace SofSBot.Ratings;

/// <summary>
/// What rating rounds do, whoever starts them (the scheduler, a leader, a card, the deadline): create
/// a round with the team's goals and roster, render its shared view and results, close it.
/// </summary>
internal sealed partial class RatingRounds(
    IRatingRoundStore rounds,
    IRatingAnswerStore answers,
    IGoalCatalogueStore goals,
    ITeamStore teams,
    IConnectorClient connector,
    SharedCardUpdater updater,
    IOccurrenceLedger ledger,
    IOptions<RatingsOptions> options,
    TimeProvider time,
    ILogger<RatingRounds> logger)
{
    private const int RosterPageSize = 500;

    public int AnonymityThreshold => options.Value.AnonymityThreshold;

    /// <summary>
    /// Creates the round, or returns it when it exists (a retried post): the goals of the period's
    /// year are copied into it and the roster read for the counter and the per-user views.
    /// </summary>
    public async Task<RatingRound> CreateAsync(
        string teamId, string roundId, RatingPeriod period, DateTimeOffset deadline, Language language, string channelId, string? openedBy, CancellationToken cancellationToken)
    {
        if (await rounds.GetAsync(teamId, roundId, cancellationToken) is { } existing)
        {
            return existing;
        }

        var roundGoals = await goals.ListForRoundAsync(teamId, period.StartDate.Year, cancellationToken);
        var roster = await ReadRosterAsync(teamId, cancellationToken);
        var round = new RatingRound(
            teamId,
            roundId,
            period.PeriodId,
            period.Name,
            deadline,
            IsClosed: false,
            language,
            channelId,
            openedBy,
            time.GetUtcNow(),
            ClosedAt: null,
            roundGoals,
            roster?.Count,
            roster is null ? [] : [.. roster.Take(RatingRound.MaxRefreshUsers).Select(member => member.Id!)],
            CardConversationId: null,
            CardActivityId: null,
            RemindersSent: false);
        return await rounds.CreateAsync(round, cancellationToken);
    }

    public Task<RatingRound?> GetAsync(string teamId, string roundId, CancellationToken cancellationToken) =>
        rounds.GetAsync(teamId, roundId, cancellationToken);

    /// <summary>Every member of the team (user accounts, not bots); null when the roster could not be read.</summary>
    public async Task<IReadOnlyList<TeamsChannelAccount>?> ReadRosterAsync(string teamId, CancellationToken cancellationToken)
    {
        var team = await teams.GetTeamAsync(teamId, cancellationToken);
        if (team is null)
        {
            LogRosterUnknown(teamId);
            return null;
        }

        try
        {
            var members = new List<TeamsChannelAccount>();
            string? continuation = null;
            do
            {
                var page = await connector.GetPagedMembersAsync(new Uri(team.ServiceUrl), teamId, RosterPageSize, continuation, cancellationToken);
                members.AddRange(page.Members.Where(member => member.Id is { Length: > 0 } id && !id.StartsWith("28:", StringComparison.Ordinal)));
                continuation = page.ContinuationToken;
            }
            while (!string.IsNullOrEmpty(continuation));

            return members;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogRosterFailed(exception, teamId);
            return null;
        }
    }

    /// <summary>What the channel shows: the open round with its counter, or the results once closed.</summary>
    public async Task<SharedCard> RenderSharedAsync(string teamId, string roundId, CancellationToken cancellationToken)
    {
        var round = await rounds.GetAsync(teamId, roundId, cancellationToken)
            ?? throw new InvalidOperationException($"Round {roundId} of team {teamId} is gone.");
        var tally = await answers.ReadTallyAsync(round.PeriodId, teamId, roundId, cancellationToken);
        if (round.IsClosed)
        {
            var (card, _) = await ResultsAsync(round, round.Language, cancellationToken);
            return new SharedCard(card, Version(tally));
        }

        return new SharedCard(RatingCards.Shared(round, tally.Respondents), Version(tally));
    }

    /// <summary>
    /// The shared view of an open round as a save just left it (the round it read, the count it wrote):
    /// no read. The version check after the replacement reads the count and renders afresh if it moved on.
    /// </summary>
    public static SharedCard RenderOpen(RatingRound round, int respondents) =>
        new(RatingCards.Shared(round, respondents), Version(new RoundTally(respondents, Closed: false)));

    /// <summary>Changes whenever the shared view changes: a new respondent, or the close. One read of the round's count rows.</summary>
    public async Task<long> ReadVersionAsync(string teamId, string roundId, string periodId, CancellationToken cancellationToken) =>
        Version(await answers.ReadTallyAsync(periodId, teamId, roundId, cancellationToken));

    /// <summary>The results card of a round in a language, and how many answered; while the round is open, the count only.</summary>
    public async Task<(AdaptiveCard Card, int Respondents)> ResultsAsync(RatingRound round, Language language, CancellationToken cancellationToken)
    {
        if (!round.IsClosed)
        {
            var count = await CountRespondentsAsync(round, cancellationToken);
            return (RatingCards.Results(round, [], count, round.RosterCount, AnonymityThreshold, language), count);
        }

        var stored = await answers.ListAsync(round, cancellationToken);
        var respondents = stored.Select(answer => answer.UserId).Distinct(StringComparer.Ordinal).Count();
        var results = RatingAggregation.Aggregate(round.Goals, stored, round.RosterCount, AnonymityThreshold);
        var card = RatingCards.Results(round, results, respondents, round.RosterCount, AnonymityThreshold, language);
        return (card, respondents);
    }

    /// <summary>How many have answered the round: what may be shown while it is open.</summary>
    public async Task<int> CountRespondentsAsync(RatingRound round, CancellationToken cancellationToken) =>
        (await answers.ListRespondentsAsync(round, cancellationToken)).Count;

    /// <summary>Closes the round (once; a second close changes nothing), reading the roster again for the response rate.</summary>
    public async Task<RatingRound?> CloseAsync(string teamId, string roundId, CancellationToken cancellationToken)
    {
        var current = await rounds.GetAsync(teamId, roundId, cancellationToken);
        if (current is null || current.IsClosed)
        {
            return current;
        }

        var roster = await ReadRosterAsync(teamId, cancellationToken);
        var now = time.GetUtcNow();
        var closed = await rounds.UpdateAsync(
            teamId,
            roundId,
            round => round.IsClosed ? null : round with { IsClosed = true, ClosedAt = now, RosterCount = roster?.Count ?? round.RosterCount },
            cancellationToken);
        if (closed is not null)
        {
            await answers.MarkClosedAsync(closed, cancellationToken);
            LogClosed(teamId, roundId);
        }

        return closed;
    }

    /// <summary>Remembers where the round's card is, when the bot posted it (never from a card action: that is the client's word).</summary>
    public async Task<RatingRound> RememberCardAsync(RatingRound round, string? conversationId, string? activityId, CancellationToken cancellationToken)
    {
        if (round.CardActivityId is not null || string.IsNullOrEmpty(conversationId) || string.IsNullOrEmpty(activityId))
        {
            return round;
        }

        return await rounds.UpdateAsync(
            round.TeamId,
            round.RoundId,
            stored => stored.CardActivityId is null ? stored with { CardConversationId = conversationId, CardActivityId = activityId } : null,
            cancellationToken) ?? round;
    }

    /// <summary>Replaces the round's card in the channel outside a turn (the deadline closed it).</summary>
    public async Task UpdateCardAsync(RatingRound round, CancellationToken cancellationToken)
    {
        var team = await teams.GetTeamAsync(round.TeamId, cancellationToken);
        var card = await FindCardAsync(round, cancellationToken);
        if (team is null || card is null)
        {
            LogCardUnknown(round.TeamId, round.RoundId);
            return;
        }

        await updater.UpdateAsync(
            connector,
            new Uri(team.ServiceUrl),
            card.ConversationId,
            card.ActivityId,
            token => RenderSharedAsync(round.TeamId, round.RoundId, token),
            token => ReadVersionAsync(round.TeamId, round.RoundId, round.PeriodId, token),
            cancellationToken);
    }

    /// <summary>
    /// Where the round's card is: stored with the round when the bot posted it, or for a scheduled
    /// round posted before the scheduler told rounds where their card went, where the occurrence
    /// ledger recorded the post. Null when neither knows: then the card is not replaced.
    /// </summary>
    public async Task<PostedCard?> FindCardAsync(RatingRound round, CancellationToken cancellationToken)
    {
        if (round.CardActivityId is null)
        {
            round = await FindScheduledCardAsync(round, cancellationToken);
        }

        return round is { CardConversationId: { Length: > 0 } conversationId, CardActivityId: { Length: > 0 } activityId }
            ? new PostedCard(conversationId, activityId)
            : null;
    }

    /// <summary>
    /// A scheduled round whose card nobody acted on, posted before the scheduler told rounds where
    /// their card went: the occurrence ledger knows.
    /// </summary>
    private async Task<RatingRound> FindScheduledCardAsync(RatingRound round, CancellationToken cancellationToken)
    {
        if (!RoutineMeeting.TryParseScheduled(round.RoundId, out var scheduleId, out var meetingDate))
        {
            return round;
        }

        var posted = await ledger.GetAsync(scheduleId, SchedulerService.LedgerKey(meetingDate), cancellationToken);
        return posted is { State: OccurrenceState.Posted, TeamId: var teamId }
            && teamId == round.TeamId
            ? await RememberCardAsync(round, posted.ConversationId, posted.ActivityId, cancellationToken)
            : round;
    }

    /// <summary>Posts the round's card as a new thread in its channel and remembers where it is.</summary>
    public async Task<RatingRound> PostAsync(RatingRound round, Uri serviceUrl, string? tenantId, CancellationToken cancellationToken)
    {
        var card = RatingCards.Shared(round, 0);
        var activity = new Activity { Type = ActivityTypes.Message, Attachments = [Attachment.AdaptiveCard(card)], Summary = card.FallbackText };
        var posted = await connector.CreateChannelThreadAsync(serviceUrl, round.ChannelId, tenantId, activity, cancellationToken);
        return await RememberCardAsync(round, posted.Id, posted.ActivityId, cancellationToken);
    }

    // The count rows are the whole version: a close marks them too (MarkClosedAsync), so the check is one read.
    private static long Version(RoundTally tally) => (tally.Respondents * 2L) + (tally.Closed ? 1 : 0);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Team {TeamId} is not known; its roster (for the response rate) is unknown")]
    private partial void LogRosterUnknown(string teamId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the roster of team {TeamId}; the response rate is unknown")]
    private partial void LogRosterFailed(Exception exception, string teamId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rating round {RoundId} of team {TeamId} closed")]
    private partial void LogClosed(string teamId, string roundId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The card of rating round {RoundId} in team {TeamId} is not known; it was not replaced with the results")]
    private partial void LogCardUnknown(string teamId, string roundId);
}
