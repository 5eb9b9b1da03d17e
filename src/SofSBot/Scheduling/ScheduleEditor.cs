using System.Globalization;
using SofSBot.BotFramework.Cards;
using SofSBot.CardActions;
using SofSBot.Localization;
using SofSBot.TeamsEvents;
using SofSBot.Routines;

namespace SofSBot.Scheduling;

/// <summary>
/// What a team leader does with the team's schedules, behind the schedule card's buttons. The
/// route has checked the leader's role and the team; every change is for the team the card action came from.
/// </summary>
internal sealed partial class ScheduleEditor(
    IScheduleStore schedules,
    ITeamStore teams,
    RoutinePoster poster,
    TimeProvider time,
    ILogger<ScheduleEditor> logger)
{
    public async Task<AdaptiveCard> ListAsync(string teamId, Language language, string? notice, CancellationToken cancellationToken)
    {
        var list = await schedules.ListForTeamAsync(teamId, cancellationToken);
        var channels = await teams.ListChannelsAsync(teamId, cancellationToken);
        return ScheduleCards.List(list, channels, time.GetUtcNow(), language, notice);
    }

    // One method per button. The route admits a team's leaders in the team only, so the turn names
    // the team (SchedulingExtensions.MapScheduling).

    public async Task<CardActionResult> ShowListAsync(CardActionContext context, CancellationToken cancellationToken) =>
        CardActionResult.ShowCard(await ListAsync(TeamOf(context), context.Language, null, cancellationToken));

    public async Task<CardActionResult> NewAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        var teamId = TeamOf(context);
        var channels = await ChannelsForFormAsync(context, teamId, cancellationToken);
        var stockholm = TimeZoneInfo.FindSystemTimeZoneById(ScheduleForm.DefaultTimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), stockholm).DateTime);
        var form = ScheduleForm.New(today, context.Turn.Activity.GetTeamsChannelData().Channel?.Id ?? teamId);
        return CardActionResult.ShowCard(ScheduleCards.Form(form, channels, context.Language));
    }

    public async Task<CardActionResult> EditAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        var teamId = TeamOf(context);
        if (await FindAsync(teamId, ScheduleIdOf(context), cancellationToken) is not { } schedule)
        {
            return await NotFoundAsync(teamId, context.Language, cancellationToken);
        }

        var channels = await ChannelsForFormAsync(context, teamId, cancellationToken);
        return CardActionResult.ShowCard(ScheduleCards.Form(ScheduleForm.From(schedule), channels, context.Language));
    }

    public Task<CardActionResult> SaveAsync(CardActionContext context, CancellationToken cancellationToken) =>
        SaveAsync(context, TeamOf(context), ScheduleTexts.For(context.Language), cancellationToken);

    public Task<CardActionResult> PauseAsync(CardActionContext context, CancellationToken cancellationToken) =>
        SetPausedAsync(context, paused: true, cancellationToken);

    public Task<CardActionResult> ResumeAsync(CardActionContext context, CancellationToken cancellationToken) =>
        SetPausedAsync(context, paused: false, cancellationToken);

    public async Task<CardActionResult> DeleteAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        var teamId = TeamOf(context);
        if (ScheduleIdOf(context) is { } scheduleId)
        {
            await schedules.DeleteAsync(teamId, scheduleId, cancellationToken);
        }

        return CardActionResult.ShowCard(await ListAsync(teamId, context.Language, ScheduleTexts.For(context.Language).Deleted, cancellationToken));
    }

    public Task<CardActionResult> PostNowAsync(CardActionContext context, CancellationToken cancellationToken) =>
        PostNowAsync(TeamOf(context), ScheduleIdOf(context), context.Language, ScheduleTexts.For(context.Language), cancellationToken);

    private static string TeamOf(CardActionContext context) => context.TeamId!;

    private static string? ScheduleIdOf(CardActionContext context) => context.Action.GetDataString("scheduleId");

    private async Task<CardActionResult> SetPausedAsync(CardActionContext context, bool paused, CancellationToken cancellationToken)
    {
        var teamId = TeamOf(context);
        if (await FindAsync(teamId, ScheduleIdOf(context), cancellationToken) is not { } schedule)
        {
            return await NotFoundAsync(teamId, context.Language, cancellationToken);
        }

        await schedules.SaveAsync(schedule with { IsPaused = paused, UpdatedAt = time.GetUtcNow() }, cancellationToken);
        return CardActionResult.ShowCard(await ListAsync(teamId, context.Language, ScheduleTexts.For(context.Language).Saved, cancellationToken));
    }

    private async Task<CardActionResult> SaveAsync(CardActionContext context, string teamId, ScheduleTexts texts, CancellationToken cancellationToken)
    {
        var form = ScheduleForm.Read(context.Action);
        var channels = await ChannelsForFormAsync(context, teamId, cancellationToken);
        var parsed = form.Parse([.. channels.Select(c => c.ChannelId)], texts);
        if (!parsed.IsValid)
        {
            return CardActionResult.ShowCard(ScheduleCards.Form(form, channels, context.Language, parsed.Errors));
        }

        var now = time.GetUtcNow();
        var existing = form.ScheduleId is null ? null : await schedules.GetAsync(teamId, form.ScheduleId, cancellationToken);
        var schedule = new Schedule(
            teamId,
            existing?.ScheduleId ?? Guid.NewGuid().ToString("N"),
            parsed.Routine,
            parsed.ChannelId,
            parsed.Rule!,
            parsed.Language,
            existing?.IsPaused ?? false,
            existing?.CreatedBy ?? context.Turn.Activity.From?.AadObjectId ?? context.Turn.Activity.From?.Id ?? string.Empty,
            existing?.CreatedAt ?? now,
            now);
        if (existing is null)
        {
            await schedules.SaveAsync(schedule, cancellationToken);
        }
        else if ((form.Version is { } version && version != ScheduleForm.VersionOf(existing))
            || !await schedules.TryReplaceAsync(schedule, existing.UpdatedAt, cancellationToken))
        {
            // Someone changed it since this form was opened: show what holds now rather than overwrite it.
            LogChangedMeanwhile(teamId, schedule.ScheduleId);
            return await schedules.GetAsync(teamId, schedule.ScheduleId, cancellationToken) is { } current
                ? CardActionResult.ShowCard(ScheduleCards.Form(ScheduleForm.From(current), channels, context.Language, [texts.ChangedMeanwhile]))
                : await NotFoundAsync(teamId, context.Language, cancellationToken);
        }

        LogSaved(teamId, schedule.ScheduleId, schedule.Routine);
        return CardActionResult.ShowCard(await ListAsync(teamId, context.Language, texts.Saved, cancellationToken));
    }

    private async Task<CardActionResult> PostNowAsync(string teamId, string? scheduleId, Language language, ScheduleTexts texts, CancellationToken cancellationToken)
    {
        if (await FindAsync(teamId, scheduleId, cancellationToken) is not { } schedule
            || await teams.GetTeamAsync(teamId, cancellationToken) is not { State: TeamState.Installed, IsArchived: false } team)
        {
            return await NotFoundAsync(teamId, language, cancellationToken);
        }

        // A trial post for the coming occurrence (or today, when none is left), outside the ledger:
        // the scheduled post still comes at its time.
        var now = time.GetUtcNow();
        var next = OccurrenceCalculator.From(schedule.Rule, now).FirstOrDefault();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(schedule.Rule.TimeZoneId);
        var localNow = TimeZoneInfo.ConvertTime(now, zone);
        var meetingDate = next?.LocalDate ?? DateOnly.FromDateTime(localNow.DateTime);
        var meeting = new RoutineMeeting(
            teamId,
            RoutineMeeting.TrialMeetingId(schedule.ScheduleId, meetingDate),
            schedule.Routine,
            schedule.ChannelId,
            meetingDate,
            next?.LocalTime ?? schedule.Rule.TimeOfDay,
            schedule.Language);
        await poster.PostAsync(team, schedule, meeting, cancellationToken);

        var channels = await teams.ListChannelsAsync(teamId, cancellationToken);
        var notice = string.Format(CultureInfo.InvariantCulture, texts.PostedNow, Markdown.Escape(ScheduleCards.ChannelName(channels, schedule.ChannelId, texts)));
        return CardActionResult.ShowCard(ScheduleCards.List(await schedules.ListForTeamAsync(teamId, cancellationToken), channels, now, language, notice));
    }

    /// <summary>
    /// The team's channels for the form. The list is read at install and kept by channel events; if
    /// that first read failed, it is read again here so the leader is never left without a channel.
    /// </summary>
    private async Task<IReadOnlyList<TeamChannel>> ChannelsForFormAsync(CardActionContext context, string teamId, CancellationToken cancellationToken)
    {
        var channels = await teams.ListChannelsAsync(teamId, cancellationToken);
        if (channels.Count > 0)
        {
            return channels;
        }

        foreach (var channel in await context.Turn.Connector.GetChannelsAsync(context.Turn.ServiceUrl, teamId, cancellationToken))
        {
            if (channel.Id is not null)
            {
                await teams.UpsertChannelAsync(teamId, channel.Id, channel.Name, cancellationToken);
            }
        }

        return await teams.ListChannelsAsync(teamId, cancellationToken);
    }

    private async Task<Schedule?> FindAsync(string teamId, string? scheduleId, CancellationToken cancellationToken) =>
        scheduleId is null ? null : await schedules.GetAsync(teamId, scheduleId, cancellationToken);

    private async Task<CardActionResult> NotFoundAsync(string teamId, Language language, CancellationToken cancellationToken) =>
        CardActionResult.ShowCard(await ListAsync(teamId, language, ScheduleTexts.For(language).NotFound, cancellationToken));

    [LoggerMessage(Level = LogLevel.Information, Message = "Did not save schedule {ScheduleId} of team {TeamId}: it changed since the form was opened")]
    private partial void LogChangedMeanwhile(string teamId, string scheduleId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Saved schedule {ScheduleId} ({Routine}) for team {TeamId}")]
    private partial void LogSaved(string teamId, string scheduleId, Routines.RoutineKind routine);
}
