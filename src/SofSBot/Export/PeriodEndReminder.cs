using System.Net;
using Microsoft.Extensions.Options;
using SofSBot.BotFramework.Activities;
using SofSBot.BotFramework.Connector;
using SofSBot.Localization;
using SofSBot.Ratings;
using SofSBot.Roles;
using SofSBot.Storage;
using SofSBot.TeamsEvents;

namespace SofSBot.Export;

/// <summary>
/// The day after a rating period's last day, from <see cref="PeriodEndReminderOptions.LocalHour"/>
/// Swedish time, sends each coordinator one message in personal chat: the response rate per team,
/// the teams without answers, and the way to the export. Once per coordinator and period across
/// restarts and instances, through a claim taken before sending and given back when sending failed.
/// </summary>
internal sealed partial class PeriodEndReminder(
    IRatingPeriodStore periods,
    PeriodResponseCounter counter,
    ICoordinatorConversationStore conversations,
    IExportTeamDirectory teamDirectory,
    ITeamStore teams,
    IConnectorClient connector,
    IClaimStore claims,
    IOptionsMonitor<RolesOptions> roles,
    IOptions<PeriodEndReminderOptions> options,
    TimeProvider time,
    ILogger<PeriodEndReminder> logger) : Hosting.PeriodicPass
{
    /// <summary>Claim scope: key <c>{periodId}|{coordinatorObjectId}</c>.</summary>
    internal const string ClaimScope = "period-end-reminder";

    /// <summary>
    /// How long a coordinator's claim holds before a later pass may take it over. The claims are taken
    /// before the pass counts the responses, looks coordinators up in the rosters and sends to each in
    /// turn, so the lease covers the whole pass with the connector's retries; an hour is nothing
    /// against the days the message may still go out in, so one an instance died sending still does.
    /// </summary>
    internal static readonly TimeSpan ClaimLease = TimeSpan.FromHours(1);

    private const int RosterPageSize = 500;

    /// <summary>How long a coordinator the team rosters did not find waits before the rosters are read again for them.</summary>
    internal static readonly TimeSpan RosterSearchInterval = TimeSpan.FromDays(1);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> _rosterSearchedAt = new(StringComparer.Ordinal);

    private static readonly TimeZoneInfo SwedishTime = TimeZoneInfo.FindSystemTimeZoneById(Scheduling.ScheduleRule.DefaultTimeZoneId);

    protected override bool Enabled => options.Value.Enabled;

    protected override TimeProvider Time => time;

    protected override ILogger Logger => logger;

    protected override TimeSpan Interval => options.Value.PassInterval;

    protected override Task RunPassAsync(CancellationToken cancellationToken) => RunOnceAsync(cancellationToken);

    /// <summary>One pass: messages every coordinator not yet told about each period due now; returns how many went out.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var coordinators = roles.CurrentValue.Coordinators
            .Where(id => !string.IsNullOrWhiteSpace(id))
            .Select(id => id.Trim().ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (coordinators.Count == 0)
        {
            return 0;
        }

        var localNow = TimeZoneInfo.ConvertTime(time.GetUtcNow(), SwedishTime).DateTime;
        var sent = 0;
        foreach (var period in (await PeriodsAsync(localNow, cancellationToken)).Where(period => IsDue(period, localNow)))
        {
            try
            {
                sent += await RemindAsync(period, coordinators, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The claims were given back; the next pass tries this period again.
                LogPeriodFailed(exception, period.PeriodId);
            }
        }

        return sent;
    }

    /// <summary>Due from the set hour of the day after the last day, for <see cref="PeriodEndReminderOptions.MaxAgeDays"/> days.</summary>
    private bool IsDue(RatingPeriod period, DateTime localNow)
    {
        var from = period.EndDate.AddDays(1).ToDateTime(new TimeOnly(options.Value.LocalHour, 0));
        return localNow >= from && DateOnly.FromDateTime(localNow) <= period.EndDate.AddDays(options.Value.MaxAgeDays);
    }

    /// <summary>The periods set; until a coordinator sets any, the half-year that ended last.</summary>
    private async Task<IReadOnlyList<RatingPeriod>> PeriodsAsync(DateTime localNow, CancellationToken cancellationToken)
    {
        var list = await periods.ListAsync(cancellationToken);
        if (list.Count > 0)
        {
            return list;
        }

        var current = RatingPeriod.DefaultFor(DateOnly.FromDateTime(localNow));
        return [RatingPeriod.DefaultFor(current.StartDate.AddDays(-1))];
    }

    private async Task<int> RemindAsync(RatingPeriod period, IReadOnlyList<string> coordinators, CancellationToken cancellationToken)
    {
        // Claimed first: whoever holds the claim sends, so two instances never both send.
        var claimed = new List<string>();
        foreach (var coordinator in coordinators)
        {
            if (await claims.TryClaimAsync(ClaimScope, ClaimKey(period, coordinator), ClaimLease, cancellationToken) == ClaimOutcome.Claimed)
            {
                claimed.Add(coordinator);
            }
        }

        if (claimed.Count == 0)
        {
            return 0;
        }

        var sent = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            // Counted only when someone can be told: the count reads the whole period.
            var targets = await FindAsync(claimed, cancellationToken);
            var responses = targets.Count > 0 ? await counter.CountAsync(period, cancellationToken) : null;
            foreach (var coordinator in claimed)
            {
                if (!targets.TryGetValue(coordinator, out var target))
                {
                    LogUnreachable(coordinator, period.PeriodId);
                    continue;
                }

                if (await TrySendAsync(target, responses!, cancellationToken))
                {
                    sent.Add(coordinator);
                    await claims.CompleteAsync(ClaimScope, ClaimKey(period, coordinator), CancellationToken.None);
                }
            }
        }
        finally
        {
            // Given back, so the next pass tries again; also when the pass was cut off part-way.
            foreach (var coordinator in claimed.Where(coordinator => !sent.Contains(coordinator)))
            {
                await claims.ReleaseAsync(ClaimScope, ClaimKey(period, coordinator), CancellationToken.None);
            }
        }

        if (sent.Count > 0)
        {
            LogReminded(period.PeriodId, sent.Count, claimed.Count);
        }

        return sent.Count;
    }

    private async Task<bool> TrySendAsync(Target target, PeriodResponses responses, CancellationToken cancellationToken)
    {
        var language = Languages.FromLocale(target.Locale);
        var card = PeriodEndReminderCards.Create(responses, language);
        var serviceUrl = new Uri(target.ServiceUrl);
        try
        {
            var conversationId = target.ConversationId;
            if (conversationId is null)
            {
                conversationId = (await connector.CreatePersonalConversationAsync(serviceUrl, target.UserId, target.TenantId, cancellationToken)).Id
                    ?? throw new InvalidOperationException("The connector returned no conversation id.");
                await conversations.SaveAsync(
                    new CoordinatorConversation(target.AadObjectId, target.UserId, conversationId, target.ServiceUrl, target.TenantId, null, time.GetUtcNow()),
                    cancellationToken);
            }

            await connector.SendToConversationAsync(
                serviceUrl,
                conversationId,
                new Activity
                {
                    Type = ActivityTypes.Message,
                    Attachments = [Attachment.AdaptiveCard(card)],
                    Summary = card.FallbackText,
                    Conversation = new ConversationAccount { Id = conversationId },
                },
                cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            if (target.ConversationId is not null && exception is ConnectorException { StatusCode: HttpStatusCode.Forbidden or HttpStatusCode.NotFound })
            {
                // The stored chat is gone (app removed, user left): the next pass looks for them in a team.
                await conversations.DeleteAsync(target.AadObjectId, CancellationToken.None);
            }

            LogSendFailed(exception, target.AadObjectId, responses.Period.PeriodId);
            return false;
        }
    }

    /// <summary>
    /// Where each coordinator is reached: their stored personal chat, or else a team where they are a
    /// member (its roster gives their Teams id; tenant and service URL come from the stored team).
    /// </summary>
    private async Task<Dictionary<string, Target>> FindAsync(IReadOnlyList<string> coordinators, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, Target>(StringComparer.Ordinal);
        foreach (var coordinator in coordinators)
        {
            if (await conversations.GetAsync(coordinator, cancellationToken) is { } stored)
            {
                found[coordinator] = new Target(coordinator, stored.UserId, stored.ConversationId, stored.ServiceUrl, stored.TenantId, stored.Locale);
            }
        }

        // A coordinator in no team (or who blocked the bot) would otherwise cost every team's roster on
        // every pass for days: after a search that did not find them, the rosters wait a day.
        var now = time.GetUtcNow();
        var missing = coordinators
            .Where(coordinator => !found.ContainsKey(coordinator))
            .Where(coordinator => !_rosterSearchedAt.TryGetValue(coordinator, out var searched) || now - searched >= RosterSearchInterval)
            .ToHashSet(StringComparer.Ordinal);
        if (missing.Count == 0)
        {
            return found;
        }

        foreach (var coordinator in missing)
        {
            _rosterSearchedAt[coordinator] = now;
        }

        foreach (var listed in (await teamDirectory.ListAsync(cancellationToken)).Where(team => team.IsInstalled))
        {
            if (await teams.GetTeamAsync(listed.TeamId, cancellationToken) is not { TenantId: { Length: > 0 } tenantId } team)
            {
                continue;
            }

            try
            {
                string? continuation = null;
                do
                {
                    var page = await connector.GetPagedMembersAsync(new Uri(team.ServiceUrl), team.TeamId, RosterPageSize, continuation, cancellationToken);
                    foreach (var member in page.Members)
                    {
                        if (member is { Id: { Length: > 0 } userId, AadObjectId: { Length: > 0 } objectId }
                            && missing.Remove(objectId.ToLowerInvariant()))
                        {
                            _rosterSearchedAt.TryRemove(objectId.ToLowerInvariant(), out _);
                            found[objectId.ToLowerInvariant()] = new Target(objectId.ToLowerInvariant(), userId, null, team.ServiceUrl, tenantId, null);
                        }
                    }

                    continuation = page.ContinuationToken;
                }
                while (missing.Count > 0 && !string.IsNullOrEmpty(continuation));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogRosterFailed(exception, team.TeamId);
            }

            if (missing.Count == 0)
            {
                break;
            }
        }

        return found;
    }

    private static string ClaimKey(RatingPeriod period, string coordinator) => $"{period.PeriodId}|{coordinator}";

    /// <param name="ConversationId">Null when the personal chat is still to be created.</param>
    private sealed record Target(string AadObjectId, string UserId, string? ConversationId, string ServiceUrl, string TenantId, string? Locale);


    [LoggerMessage(Level = LogLevel.Error, Message = "Could not announce the end of period {PeriodId}; tried again next pass")]
    private partial void LogPeriodFailed(Exception exception, string periodId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Coordinator {ObjectId} has no personal chat with SofSBot and is in no team it knows; the end of period {PeriodId} is announced when they are")]
    private partial void LogUnreachable(string objectId, string periodId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell coordinator {ObjectId} that period {PeriodId} has ended; tried again next pass")]
    private partial void LogSendFailed(Exception exception, string objectId, string periodId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the roster of team {TeamId} while looking for coordinators")]
    private partial void LogRosterFailed(Exception exception, string teamId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Told {Sent} of {Claimed} coordinators that period {PeriodId} has ended")]
    private partial void LogReminded(string periodId, int sent, int claimed);
}
