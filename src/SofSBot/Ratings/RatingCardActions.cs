using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SofSBot.BotFramework.Activities;
using SofSBot.CardActions;
using SofSBot.Roles;
using SofSBot.Routines;
using SofSBot.Storage;

namespace SofSBot.Ratings;

/// <summary>
/// The rating card's buttons: a member's own view, saving answers, closing the round (leaders) and
/// opening one from the leader's form. The team comes from the activity, never from card data, so a
/// round id from another team finds nothing; answers are written for the acting user only.
/// </summary>
internal sealed partial class RatingCardActions(
    RatingRounds ratingRounds,
    IRatingRoundStore rounds,
    IRatingAnswerStore answers,
    IRatingPeriodStore periods,
    IClaimStore claims,
    SharedCardUpdater updater,
    RespondentCounts respondentCounts,
    TimeProvider time,
    ILogger<RatingCardActions> logger)
{
    /// <summary>Claim scope that makes one press of "open" post one card, also when Teams retries it.</summary>
    internal const string OpenClaimScope = "rating-open";

    /// <summary>
    /// How long the claim to post a round's card holds before another press may take it over. Posting
    /// is one connector call (a few minutes at worst with the connector's retries), so a slow post is
    /// never doubled; if the instance died posting, the leader's next press of the same form posts it.
    /// </summary>
    internal static readonly TimeSpan OpenClaimLease = TimeSpan.FromMinutes(10);

    public async Task<CardActionResult> ViewAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        var texts = RatingTexts.For(context.Language);
        if (await FindRoundAsync(context, cancellationToken) is not { } round)
        {
            return CardActionResult.Refuse(CardActionErrors.InvalidInput, texts.RoundNotFound);
        }

        if (round.IsClosed)
        {
            var (results, _) = await ratingRounds.ResultsAsync(round, context.Language, cancellationToken);
            return context.IsInvoke ? CardActionResult.ShowCard(results) : CardActionResult.ShowMessage(texts.Closed);
        }

        var respondents = await respondentCounts.CountAsync(round, cancellationToken);
        if (!context.IsInvoke)
        {
            return CardActionResult.ShowMessage(Counter(round, respondents, texts, context));
        }

        var mine = await answers.GetForUserAsync(round, context.UserId, cancellationToken);
        return CardActionResult.ShowCard(RatingCards.Personal(round, respondents, Values(mine), context.Language, IsLeader(context.ResolvedRoles)));
    }

    public async Task<CardActionResult> SaveAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        var texts = RatingTexts.For(context.Language);
        if (await FindRoundAsync(context, cancellationToken) is not { } round)
        {
            return CardActionResult.Refuse(CardActionErrors.InvalidInput, texts.RoundNotFound);
        }

        if (!round.AcceptsAnswers(time.GetUtcNow()))
        {
            return CardActionResult.Refuse(CardActionErrors.InvalidInput, texts.RoundClosed);
        }

        var input = RatingInput.Parse(context.Action.Data, round.Goals);
        if (!input.IsValid)
        {
            LogRefusedInput(round.TeamId, round.RoundId, input.Error!.Value);
            return CardActionResult.Refuse(CardActionErrors.InvalidInput, InputErrorText(input, round, texts, context));
        }

        var outcome = await answers.SaveAsync(round, context.UserId, input.Values, time.GetUtcNow(), cancellationToken);
        if (outcome.FirstAnswer)
        {
            // Only a new respondent changes what everyone sees (the counter).
            if (outcome.Respondents is { } counted)
            {
                respondentCounts.Counted(round, counted);
            }
            else
            {
                respondentCounts.CountNewRespondent(round);
            }

            await UpdateSharedCardAsync(context, round, cancellationToken, outcome.Respondents);
        }

        var lastDay = RatingCards.FormatLastDay(round.Deadline, context.Language);
        var notice = outcome.ChangedGoals > 0 || input.Values.Count == 0
            ? string.Format(context.Culture, texts.Saved, lastDay)
            : texts.NothingChanged;
        if (!context.IsInvoke)
        {
            return CardActionResult.ShowMessage(notice);
        }

        // The member's answers as the save left them: no second read.
        var respondents = await respondentCounts.CountAsync(round, cancellationToken);
        return CardActionResult.ShowCard(RatingCards.Personal(round, respondents, outcome.Answers, context.Language, IsLeader(context.ResolvedRoles), notice));
    }

    /// <summary>Leaders only (the router checks the role before this runs).</summary>
    public async Task<CardActionResult> CloseAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        var texts = RatingTexts.For(context.Language);
        if (await FindRoundAsync(context, cancellationToken) is not { } round)
        {
            return CardActionResult.Refuse(CardActionErrors.InvalidInput, texts.RoundNotFound);
        }

        round = await ratingRounds.CloseAsync(round.TeamId, round.RoundId, cancellationToken) ?? round;
        await UpdateSharedCardAsync(context, round, cancellationToken);
        if (!context.IsInvoke)
        {
            return CardActionResult.ShowMessage(texts.ClosedConfirmation);
        }

        var (results, _) = await ratingRounds.ResultsAsync(round, context.Language, cancellationToken);
        return CardActionResult.ShowCard(results);
    }

    /// <summary>Leaders only: the form's "open" posts the round's card as a new thread in this channel.</summary>
    public async Task<CardActionResult> OpenAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        var texts = RatingTexts.For(context.Language);
        var channelId = context.Turn.Activity.GetTeamsChannelData().Channel?.Id;
        if (context.TeamId is not { } teamId || channelId is null)
        {
            return CardActionResult.Refuse(CardActionErrors.InvalidInput, texts.OnlyInTeam);
        }

        var today = RatingCards.TodayIn(time.GetUtcNow());
        var choices = await OpenPeriodsAsync(periods, today, cancellationToken);
        var periodId = context.Action.GetDataString(RatingCards.PeriodField);
        var lastDayText = context.Action.GetDataString(RatingCards.LastDayField);
        var period = choices.FirstOrDefault(p => p.PeriodId == periodId);
        var lastDayValid = DateOnly.TryParseExact(lastDayText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var lastDay) && lastDay > today;
        if (period is null || !lastDayValid)
        {
            var error = period is null ? texts.PeriodInvalid : texts.DeadlineInvalid;
            return context.IsInvoke
                ? CardActionResult.ShowCard(RatingCards.OpenForm(choices, periodId ?? choices[0].PeriodId, lastDayValid ? lastDay : today.AddDays(14), context.Language, error))
                : CardActionResult.ShowMessage(error);
        }

        // One press, one round: Teams may deliver the press twice; the form's message id names the round.
        var roundId = RoundIdFor(teamId, context.Turn.Activity.ReplyToId);
        var round = await ratingRounds.CreateAsync(teamId, roundId, period, RatingCards.DeadlineAfter(lastDay), context.Language, channelId, context.UserId, cancellationToken);
        if (round.CardActivityId is null
            && await claims.TryClaimAsync(OpenClaimScope, $"{teamId}|{roundId}", OpenClaimLease, cancellationToken) == ClaimOutcome.Claimed)
        {
            try
            {
                round = await ratingRounds.PostAsync(round, context.Turn.ServiceUrl, context.Turn.Activity.GetTeamsChannelData().TenantId, cancellationToken);
            }
            catch
            {
                await claims.ReleaseAsync(OpenClaimScope, $"{teamId}|{roundId}", CancellationToken.None);
                throw;
            }

            await claims.CompleteAsync(OpenClaimScope, $"{teamId}|{roundId}", CancellationToken.None);

            LogOpened(teamId, roundId, period.PeriodId);
        }

        var opened = string.Format(context.Culture, texts.Opened, RatingCards.FormatLastDay(round.Deadline, context.Language));
        return context.IsInvoke
            ? CardActionResult.ShowCard(RatingCards.Notice(texts.FormTitle, opened, context.Language))
            : CardActionResult.ShowMessage(opened);
    }

    /// <summary>The periods a leader may open a round in: those not over yet, the current one always among them.</summary>
    internal static async Task<IReadOnlyList<RatingPeriod>> OpenPeriodsAsync(IRatingPeriodStore periods, DateOnly today, CancellationToken cancellationToken)
    {
        var current = await periods.ForDateAsync(today, cancellationToken);
        var all = await periods.ListAsync(cancellationToken);
        return [.. all.Where(period => period.EndDate >= today).Append(current).DistinctBy(period => period.PeriodId).OrderBy(period => period.StartDate)];
    }

    private async Task<RatingRound?> FindRoundAsync(CardActionContext context, CancellationToken cancellationToken) =>
        context.TeamId is { } teamId && context.Action.GetDataString(RatingCards.RoundIdField) is { Length: > 0 } roundId
            ? await rounds.GetAsync(teamId, roundId, cancellationToken)
            : null;

    /// <summary>
    /// Replaces the round's own card (stored when it was posted), never the one the invoke names. After a
    /// save that counted a first answer, the first rendering is the state the save left (no read); the
    /// version check after it reads the count and renders from storage if it moved on.
    /// </summary>
    private async Task UpdateSharedCardAsync(CardActionContext context, RatingRound round, CancellationToken cancellationToken, int? respondents = null)
    {
        var known = respondents ?? -1;
        await updater.UpdateAsync(
            context.Turn,
            await ratingRounds.FindCardAsync(round, cancellationToken),
            token => Interlocked.Exchange(ref known, -1) is var count and >= 0
                ? Task.FromResult(RatingRounds.RenderOpen(round, count))
                : ratingRounds.RenderSharedAsync(round.TeamId, round.RoundId, token),
            token => ratingRounds.ReadVersionAsync(round.TeamId, round.RoundId, round.PeriodId, token),
            cancellationToken);
    }

    private static string RoundIdFor(string teamId, string? formMessageId)
    {
        if (string.IsNullOrEmpty(formMessageId))
        {
            return Guid.NewGuid().ToString("N");
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{teamId}|{formMessageId}"));
        return "r" + Convert.ToHexStringLower(hash)[..24];
    }

    /// <summary>Saving reads no roles (null): its answer offers no close button; the card's refresh (view) does.</summary>
    private static bool IsLeader(UserRoles? roles) => roles is { IsTeamLeader: true } or { IsCoordinator: true };

    private static Dictionary<string, int> Values(IReadOnlyDictionary<string, RatingAnswer> answers) =>
        answers.ToDictionary(pair => pair.Key, pair => pair.Value.Value, StringComparer.Ordinal);

    private static string Counter(RatingRound round, int respondents, RatingTexts texts, CardActionContext context) =>
        round.RosterCount is > 0
            ? string.Format(context.Culture, texts.AnsweredOfRoster, respondents, round.RosterCount.Value)
            : string.Format(context.Culture, texts.Answered, respondents);

    private static string InputErrorText(RatingInputResult input, RatingRound round, RatingTexts texts, CardActionContext context)
    {
        var goal = round.Goals.FirstOrDefault(g => g.GoalId == input.ErrorGoalId)?.Title.In(context.Language) ?? string.Empty;
        return input.Error switch
        {
            RatingInputError.NotANumber => string.Format(context.Culture, texts.NotANumber, goal),
            RatingInputError.OutOfRange => string.Format(context.Culture, texts.OutOfRange, goal),
            _ => texts.UnknownGoal,
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused answers to rating round {RoundId} in team {TeamId}: {Error}")]
    private partial void LogRefusedInput(string teamId, string roundId, RatingInputError error);

    [LoggerMessage(Level = LogLevel.Information, Message = "A leader opened rating round {RoundId} ({PeriodId}) in team {TeamId}")]
    private partial void LogOpened(string teamId, string roundId, string periodId);
}
