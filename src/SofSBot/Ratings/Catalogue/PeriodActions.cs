using SofSBot.BotFramework.Activities;
using SofSBot.BotFramework.Cards;
using SofSBot.CardActions;
using SofSBot.Localization;
using SofSBot.Storage;

namespace SofSBot.Ratings.Catalogue;

/// <summary>
/// The buttons of the coordinator's period list (coordinators only, checked by the router): edit and
/// add. A period's id is given when it is added and never changes; periods never overlap.
/// </summary>
internal sealed partial class PeriodActions(IRatingPeriodStore periods, IClaimStore claims, TimeProvider time, ILogger<PeriodActions> logger)
{
    public async Task<CardActionResult> ListAsync(CardActionContext context, CancellationToken cancellationToken) =>
        Show(await ListCardAsync(context.Language, null, null, cancellationToken));

    public async Task<CardActionResult> EditAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        if (await FindAsync(context.Action.GetDataString(PeriodForm.PeriodIdField), cancellationToken) is not { } stored)
        {
            return Show(await ListCardAsync(context.Language, null, [PeriodTexts.For(context.Language).NotFound], cancellationToken));
        }

        return Show(PeriodCards.Form(PeriodForm.From(stored), context.Language));
    }

    public async Task<CardActionResult> NewAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        var today = RatingCards.TodayIn(time.GetUtcNow());
        return Show(PeriodCards.Form(PeriodForm.New(await periods.ListAsync(cancellationToken), today), context.Language));
    }

    public async Task<CardActionResult> SaveAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        var texts = PeriodTexts.For(context.Language);
        var form = PeriodForm.Read(context.Action);
        var all = await periods.ListAsync(cancellationToken);
        if (form.PeriodId is null)
        {
            return await AddAsync(context, form, all, texts, cancellationToken);
        }

        if (await FindAsync(form.PeriodId, cancellationToken) is not { } stored)
        {
            return Show(await ListCardAsync(context.Language, null, [texts.NotFound], cancellationToken));
        }

        var (period, errors) = form.Parse(stored.Period.PeriodId, all, context.Language);
        if (period is null)
        {
            return Show(PeriodCards.Form(form.WithoutPersonalNumbers(), context.Language, errors));
        }

        var outcome = form.Version is { } version ? await periods.ReplaceAsync(period, version, cancellationToken) : CatalogueWrite.ChangedMeanwhile;
        if (outcome != CatalogueWrite.Saved)
        {
            LogChangedMeanwhile(period.PeriodId);
            return await FindAsync(period.PeriodId, cancellationToken) is { } current
                ? Show(PeriodCards.Form(PeriodForm.From(current), context.Language, [texts.ChangedMeanwhile]))
                : Show(await ListCardAsync(context.Language, null, [texts.NotFound], cancellationToken));
        }

        LogSaved(period.PeriodId);
        return Show(await ListCardAsync(context.Language, string.Format(context.Culture, texts.Saved, Markdown.Escape(period.Name)), null, cancellationToken));
    }

    public async Task<Activity> ListActivityAsync(Language language, CancellationToken cancellationToken) =>
        new() { Attachments = [Attachment.AdaptiveCard(await ListCardAsync(language, null, null, cancellationToken))] };

    /// <summary>
    /// A new period, once per form: a double press of "Spara" (or Teams retrying a slow invoke) finds the
    /// form's claim taken and is answered as if saved (see <see cref="AddOnce"/>).
    /// </summary>
    private async Task<CardActionResult> AddAsync(CardActionContext context, PeriodForm form, IReadOnlyList<RatingPeriod> all, PeriodTexts texts, CancellationToken cancellationToken)
    {
        // The form on its own first, so that a refused form never takes the claim.
        var (alone, errors) = form.Parse(string.Empty, [], context.Language);
        if (alone is null)
        {
            return Show(PeriodCards.Form(form.WithoutPersonalNumbers(), context.Language, errors));
        }

        var claimKey = AddOnce.Key(context.Action, "period", form.Name, form.Start, form.End);
        if (await AddOnce.TryClaimAsync(claims, claimKey, cancellationToken) is var press and not AddClaim.Store)
        {
            LogAlreadyAdded();
            var notice = press == AddClaim.AlreadyAdded ? string.Format(context.Culture, texts.Added, Markdown.Escape(form.Name)) : AddOnce.StillSaving.In(context.Language);
            return Show(await ListCardAsync(context.Language, notice, null, cancellationToken));
        }

        RatingPeriod? period;
        try
        {
            // The id is given once, here, from the start date (see RatingPeriod.NewId).
            (var candidate, errors) = form.Parse(string.Empty, all, context.Language);
            period = candidate is null ? null : candidate with { PeriodId = RatingPeriod.NewId(candidate.StartDate, all) };
            if (period is not null && !await periods.TryAddAsync(period, cancellationToken))
            {
                // Another coordinator, or a round's default half-year, stored a period at the same moment: decide again on what is stored now.
                var (_, again) = form.Parse(string.Empty, await periods.ListAsync(cancellationToken), context.Language);
                (period, errors) = (null, again.Count > 0 ? again : [texts.ChangedMeanwhile]);
            }
        }
        catch
        {
            await AddOnce.ReleaseAsync(claims, claimKey);
            throw;
        }

        if (period is null)
        {
            await AddOnce.ReleaseAsync(claims, claimKey);
            return Show(PeriodCards.Form(form, context.Language, errors));
        }

        await AddOnce.CompleteAsync(claims, claimKey);
        LogAdded(period.PeriodId);
        return Show(await ListCardAsync(context.Language, string.Format(context.Culture, texts.Added, Markdown.Escape(period.Name)), null, cancellationToken));
    }

    private async Task<AdaptiveCard> ListCardAsync(Language language, string? notice, IReadOnlyList<string>? errors, CancellationToken cancellationToken) =>
        PeriodCards.List(await periods.ListAsync(cancellationToken), language, notice, errors);

    private async Task<VersionedPeriod?> FindAsync(string? periodId, CancellationToken cancellationToken) =>
        periodId is { Length: > 0 } ? await periods.GetAsync(periodId, cancellationToken) : null;


    private static CardActionResult Show(AdaptiveCard card) => CardActionResult.ShowCard(card);

    [LoggerMessage(Level = LogLevel.Information, Message = "A coordinator added rating period {PeriodId}")]
    private partial void LogAdded(string periodId);

    [LoggerMessage(Level = LogLevel.Information, Message = "A second press of the same new-period form: nothing stored")]
    private partial void LogAlreadyAdded();

    [LoggerMessage(Level = LogLevel.Information, Message = "A coordinator changed rating period {PeriodId}")]
    private partial void LogSaved(string periodId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a change of period {PeriodId}: it changed since the form was opened")]
    private partial void LogChangedMeanwhile(string periodId);
}
