using System.Globalization;
using SofSBot.BotFramework.Activities;
using SofSBot.BotFramework.Hosting;
using SofSBot.Localization;
using SofSBot.Storage;

namespace SofSBot.TeamsEvents;

/// <summary>
/// Keeps the team store in step with Teams' installationUpdate and conversationUpdate events, greets
/// a team once when SofSBot is added and welcomes each new member once in personal chat.
/// </summary>
internal sealed partial class TeamsEventHandler(ITeamStore teams, IClaimStore claims, ILogger<TeamsEventHandler> logger)
{
    /// <summary>Claim scope for personal welcomes: a user is welcomed once, whichever way they arrive.</summary>
    internal const string WelcomeClaimScope = "welcome";

    /// <summary>Claim scope for team greetings: one per installation of SofSBot in a team.</summary>
    internal const string TeamWelcomeClaimScope = "team-welcome";

    /// <summary>
    /// How long a welcome claim holds before a redelivered event may take it over. A welcome is one or
    /// two connector calls (a few minutes at worst with the connector's retries), so a slow send is
    /// never doubled; a welcome an instance died sending goes out with the next event about the member
    /// or team after that.
    /// </summary>
    internal static readonly TimeSpan WelcomeClaimLease = TimeSpan.FromMinutes(10);

    public async Task OnInstallationUpdateAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var channelData = activity.GetTeamsChannelData();
        var teamId = channelData.Team?.Id;

        switch (activity.Action)
        {
            case "add" or "add-upgrade" when teamId is not null:
                await OnAddedToTeamAsync(turn, channelData, teamId, cancellationToken);
                break;
            case "add" when activity.Conversation?.ConversationType == "personal" && activity.From is { } user:
                // Someone who installs the bot for themselves is greeted even if a team already
                // welcomed them; the claim on the activity id only stops a redelivery greeting twice.
                await WelcomeUserAsync(turn, user, teamName: null, turn.ConversationId, $"install|{activity.Id ?? user.Id}", cancellationToken);
                break;
            case "remove" when teamId is not null:
                await teams.UpdateTeamAsync(teamId, team => team with { State = TeamState.Removed }, cancellationToken);
                LogRemoved(teamId);
                break;
            default:
                break;
        }
    }

    public async Task OnConversationUpdateAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var channelData = activity.GetTeamsChannelData();
        if (channelData.Team?.Id is not { } teamId)
        {
            // Group chats: nothing to keep until a feature needs them.
            return;
        }

        var botId = activity.Recipient?.Id;
        switch (channelData.EventType)
        {
            case "teamRenamed":
                await teams.UpdateTeamAsync(teamId, team => team with { Name = channelData.Team.Name ?? team.Name }, cancellationToken);
                break;
            case "teamArchived":
                await teams.UpdateTeamAsync(teamId, team => team with { IsArchived = true }, cancellationToken);
                break;
            case "teamUnarchived":
                await teams.UpdateTeamAsync(teamId, team => team with { IsArchived = false }, cancellationToken);
                break;
            case "teamDeleted" or "teamHardDeleted":
                await teams.UpdateTeamAsync(teamId, team => team with { State = TeamState.Deleted }, cancellationToken);
                break;
            case "teamRestored":
                await teams.UpdateTeamAsync(teamId, team => team with { State = TeamState.Installed }, cancellationToken);
                break;
            case "channelCreated" or "channelRenamed" or "channelRestored" when channelData.Channel?.Id is { } channelId:
                await teams.UpsertChannelAsync(teamId, channelId, channelData.Channel.Name, cancellationToken);
                break;
            case "channelDeleted" when channelData.Channel?.Id is { } channelId:
                await teams.MarkChannelDeletedAsync(teamId, channelId, cancellationToken);
                break;
            default:
                // teamMemberAdded and teamMemberRemoved (the bot itself among them on install and removal).
                await OnMembersChangedAsync(turn, channelData, teamId, botId, cancellationToken);
                break;
        }
    }

    private async Task OnMembersChangedAsync(TurnContext turn, TeamsChannelData channelData, string teamId, string? botId, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        foreach (var member in activity.MembersAdded ?? [])
        {
            if (IsBot(member, botId))
            {
                // Teams announces an install twice, at the same moment: installationUpdate (with the
                // installer's locale) and this. Only installationUpdate installs and greets, so the
                // greeting's language never depends on which arrives first; this one refreshes.
                if (await teams.GetTeamAsync(teamId, cancellationToken) is { State: TeamState.Installed })
                {
                    await RefreshChannelsAsync(turn, teamId, cancellationToken);
                }
            }
            else
            {
                var team = await teams.GetTeamAsync(teamId, cancellationToken);
                await WelcomeUserAsync(turn, member, team?.Name ?? channelData.Team?.Name, personalConversationId: null, claimKey: null, cancellationToken);
            }
        }

        if (activity.MembersRemoved?.Any(member => IsBot(member, botId)) == true)
        {
            await teams.UpdateTeamAsync(teamId, team => team with { State = TeamState.Removed }, cancellationToken);
            LogRemoved(teamId);
        }
    }

    private async Task OnAddedToTeamAsync(TurnContext turn, TeamsChannelData channelData, string teamId, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var name = channelData.Team?.Name;
        var aadGroupId = channelData.Team?.AadGroupId;
        if (name is null || aadGroupId is null)
        {
            // Some events carry the team's id only; the connector knows the rest.
            var details = await TryAsync(() => turn.Connector.GetTeamDetailsAsync(turn.ServiceUrl, teamId, cancellationToken), "team details", teamId);
            name ??= details?.Name;
            aadGroupId ??= details?.AadGroupId;
        }

        var tenantId = channelData.TenantId ?? activity.Conversation?.TenantId;
        var isNew = await teams.MarkInstalledAsync(new TeamInstallation(teamId, name, tenantId, turn.ServiceUrl.ToString(), aadGroupId), cancellationToken);

        var channelCount = await RefreshChannelsAsync(turn, teamId, cancellationToken);
        if (isNew)
        {
            LogInstalled(teamId, channelCount);
        }

        // Greeted once per installation (its start time is part of the key), and only when the card
        // went out: a failed send gives the claim back, so a redelivered event greets.
        var installedAt = (await teams.GetTeamAsync(teamId, cancellationToken))?.InstalledAt ?? default;
        var claimKey = string.Create(CultureInfo.InvariantCulture, $"{teamId}|{installedAt.UtcTicks}");
        if (await claims.TryClaimAsync(TeamWelcomeClaimScope, claimKey, WelcomeClaimLease, cancellationToken) != ClaimOutcome.Claimed)
        {
            return;
        }

        try
        {
            var card = WelcomeCards.ForTeam(Languages.FromLocale(activity.Locale), name);
            await turn.SendAsync(new Activity { Attachments = [Attachment.AdaptiveCard(card)], Summary = card.FallbackText }, cancellationToken);
        }
        catch
        {
            await claims.ReleaseAsync(TeamWelcomeClaimScope, claimKey, CancellationToken.None);
            throw;
        }

        await claims.CompleteAsync(TeamWelcomeClaimScope, claimKey, CancellationToken.None);
    }

    /// <summary>Stores the team's channels as the connector lists them; returns how many.</summary>
    private async Task<int> RefreshChannelsAsync(TurnContext turn, string teamId, CancellationToken cancellationToken)
    {
        var channels = await TryAsync(() => turn.Connector.GetChannelsAsync(turn.ServiceUrl, teamId, cancellationToken), "channel list", teamId);
        foreach (var channel in channels ?? [])
        {
            if (channel.Id is not null)
            {
                await teams.UpsertChannelAsync(teamId, channel.Id, channel.Name, cancellationToken);
            }
        }

        return channels?.Count ?? 0;
    }

    private async Task WelcomeUserAsync(
        TurnContext turn, ChannelAccount user, string? teamName, string? personalConversationId, string? claimKey, CancellationToken cancellationToken)
    {
        if (user.Id is not { Length: > 0 } userId)
        {
            return;
        }

        var activity = turn.Activity;
        var tenantId = activity.GetTeamsChannelData().TenantId ?? activity.Conversation?.TenantId ?? string.Empty;
        claimKey ??= $"{tenantId}|{user.AadObjectId ?? userId}";
        if (await claims.TryClaimAsync(WelcomeClaimScope, claimKey, WelcomeClaimLease, cancellationToken) != ClaimOutcome.Claimed)
        {
            return;
        }

        try
        {
            var conversationId = personalConversationId
                ?? (await turn.Connector.CreatePersonalConversationAsync(turn.ServiceUrl, userId, tenantId, cancellationToken)).Id
                ?? throw new InvalidOperationException("The connector returned no conversation id.");
            var card = WelcomeCards.ForMember(Languages.FromLocale(activity.Locale), teamName);
            var welcome = new Activity
            {
                Type = ActivityTypes.Message,
                Attachments = [Attachment.AdaptiveCard(card)],
                Summary = card.FallbackText,
                From = activity.Recipient,
                Conversation = new ConversationAccount { Id = conversationId },
            };
            await turn.Connector.SendToConversationAsync(turn.ServiceUrl, conversationId, welcome, cancellationToken);
        }
        catch (Exception exception)
        {
            // Give the claim back (also when the request was cut off) so a later event can welcome them.
            await claims.ReleaseAsync(WelcomeClaimScope, claimKey, CancellationToken.None);
            if (exception is OperationCanceledException)
            {
                throw;
            }

            LogWelcomeFailed(exception, userId);
            return;
        }

        await claims.CompleteAsync(WelcomeClaimScope, claimKey, CancellationToken.None);
    }

    private async Task<T?> TryAsync<T>(Func<Task<T>> call, string what, string teamId)
        where T : class
    {
        try
        {
            return await call();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogLookupFailed(exception, what, teamId);
            return null;
        }
    }

    private static bool IsBot(ChannelAccount member, string? botId) =>
        botId is not null && string.Equals(member.Id, botId, StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Information, Message = "SofSBot was added to team {TeamId} with {ChannelCount} channels")]
    private partial void LogInstalled(string teamId, int channelCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "SofSBot was removed from team {TeamId}")]
    private partial void LogRemoved(string teamId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the {What} of team {TeamId}; going on without it")]
    private partial void LogLookupFailed(Exception exception, string what, string teamId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not welcome user {UserId} in personal chat")]
    private partial void LogWelcomeFailed(Exception exception, string userId);
}
