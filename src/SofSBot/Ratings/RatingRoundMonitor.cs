using Microsoft.Extensions.Options;
using SofSBot.BotFramework.Activities;
using SofSBot.BotFramework.Connector;
using SofSBot.Storage;
using SofSBot.TeamsEvents;

namespace SofSBot.Ratings;

/// <summary>
/// Closes rounds at their deadline (the card then shows the results) and, a while before it, reminds
/// members who have not answered in personal chat — once per member and round, across restarts and
/// instances, through a claim.
/// </summary>
internal sealed partial class RatingRoundMonitor(
    IRatingRoundStore rounds,
    IRatingAnswerStore answers,
    RatingRounds ratingRounds,
    ITeamStore teams,
    IConnectorClient connector,
    IClaimStore claims,
    IOptions<RatingsOptions> options,
    TimeProvider time,
    ILogger<RatingRoundMonitor> logger) : Hosting.PeriodicPass
{
    /// <summary>Claim scope of reminders: key <c>{teamId}|{roundId}|{userId}</c>.</summary>
    internal const string ReminderClaimScope = "rating-reminder";

    /// <summary>
    /// How long a reminder claim holds before another pass may take it over. One reminder is two
    /// connector calls (a few minutes at worst with the connector's retries); longer than that, so a
    /// slow send is never doubled, and short against the days before the deadline, so a reminder an
    /// instance died sending still goes out.
    /// </summary>
    internal static readonly TimeSpan ReminderClaimLease = TimeSpan.FromMinutes(10);

    protected override bool Enabled => options.Value.MonitorEnabled;

    protected override TimeProvider Time => time;

    protected override ILogger Logger => logger;

    protected override TimeSpan Interval => options.Value.MonitorInterval;

    protected override Task RunPassAsync(CancellationToken cancellationToken) => RunOnceAsync(cancellationToken);

    /// <summary>One pass over the open rounds; returns how many it closed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var closedCount = 0;
        foreach (var round in await rounds.ListOpenAsync(cancellationToken))
        {
            try
            {
                if (now >= round.Deadline)
                {
                    if (await ratingRounds.CloseAsync(round.TeamId, round.RoundId, cancellationToken) is { IsClosed: true } closed)
                    {
                        closedCount++;
                        await ratingRounds.UpdateCardAsync(closed, cancellationToken);
                    }
                }
                else if (!round.RemindersSent && now >= round.Deadline - options.Value.ReminderBeforeDeadline)
                {
                    await RemindAsync(round, cancellationToken);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogRoundFailed(exception, round.TeamId, round.RoundId);
            }
        }

        return closedCount;
    }

    private async Task RemindAsync(RatingRound round, CancellationToken cancellationToken)
    {
        var team = await teams.GetTeamAsync(round.TeamId, cancellationToken);
        var roster = await ratingRounds.ReadRosterAsync(round.TeamId, cancellationToken);
        if (team is null || roster is null || team.TenantId is null)
        {
            // Tried again next pass: the roster may be readable then.
            return;
        }

        var respondents = await answers.ListRespondentsAsync(round, cancellationToken);
        var texts = RatingTexts.For(round.Language);
        var text = string.Format(
            Localization.Languages.CultureFor(null, round.Language), texts.Reminder, round.PeriodName, team.Name ?? string.Empty, RatingCards.FormatLastDay(round.Deadline, round.Language));

        // Not finished: failed sends, and reminders another instance holds (it may have died sending).
        var unfinished = 0;
        foreach (var member in roster.Where(member => !respondents.Contains(member.Id!)))
        {
            var key = $"{round.TeamId}|{round.RoundId}|{member.Id}";
            var claim = await claims.TryClaimAsync(ReminderClaimScope, key, ReminderClaimLease, cancellationToken);
            if (claim != ClaimOutcome.Claimed)
            {
                unfinished += claim == ClaimOutcome.Held ? 1 : 0;
                continue;
            }

            try
            {
                var serviceUrl = new Uri(team.ServiceUrl);
                var conversation = await connector.CreatePersonalConversationAsync(serviceUrl, member.Id!, team.TenantId, cancellationToken);
                var conversationId = conversation.Id ?? throw new InvalidOperationException("The connector returned no conversation id.");
                await connector.SendToConversationAsync(
                    serviceUrl, conversationId, new Activity { Type = ActivityTypes.Message, Text = text, Conversation = new ConversationAccount { Id = conversationId } }, cancellationToken);
            }
            catch (Exception exception)
            {
                // Given back, so the next pass reminds them.
                unfinished++;
                await claims.ReleaseAsync(ReminderClaimScope, key, CancellationToken.None);
                if (exception is OperationCanceledException)
                {
                    throw;
                }

                LogReminderFailed(exception, member.Id!, round.RoundId);
                continue;
            }

            try
            {
                await claims.CompleteAsync(ReminderClaimScope, key, CancellationToken.None);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Sent: the pass goes on to the others. The claim stays pending, so after its lease this
                // member may get the reminder a second time — the lesser harm than stopping everyone's.
                LogClaimNotCompleted(exception, round.RoundId);
            }
        }

        if (unfinished == 0)
        {
            await rounds.UpdateAsync(round.TeamId, round.RoundId, stored => stored with { RemindersSent = true }, cancellationToken);
            LogReminded(round.TeamId, round.RoundId, roster.Count - respondents.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A reminder in round {RoundId} was sent but its claim could not be marked done")]
    private partial void LogClaimNotCompleted(Exception exception, string roundId);


    [LoggerMessage(Level = LogLevel.Error, Message = "Could not close or remind rating round {RoundId} of team {TeamId}")]
    private partial void LogRoundFailed(Exception exception, string teamId, string roundId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remind {UserId} of rating round {RoundId}; tried again next pass")]
    private partial void LogReminderFailed(Exception exception, string userId, string roundId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminded about {Count} members of rating round {RoundId} in team {TeamId}")]
    private partial void LogReminded(string teamId, string roundId, int count);
}
