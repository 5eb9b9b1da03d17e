using SofSBot.BotFramework.Activities;
using SofSBot.BotFramework.Cards;
using SofSBot.CardActions;
using SofSBot.Localization;
using SofSBot.Storage;

namespace SofSBot.Ratings.Catalogue;

/// <summary>
/// The buttons of the coordinator's goal catalogue (the router lets coordinators only through): list,
/// edit, add and retire. Every save is guarded by the version the form was opened at, and nothing
/// is stored when the form is refused.
/// </summary>
internal sealed partial class GoalCatalogueActions(IGoalCatalogueStore catalogue, IClaimStore claims, TimeProvider time, ILogger<GoalCatalogueActions> logger)
{
    public async Task<CardActionResult> ListAsync(CardActionContext context, CancellationToken cancellationToken) =>
        Show(await ListCardAsync(context.Language, null, null, cancellationToken));

    public async Task<CardActionResult> EditAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        var texts = GoalCatalogueTexts.For(context.Language);
        if (await FindAsync(context, cancellationToken) is not { IsRetired: false } stored)
        {
            return Show(await ListCardAsync(context.Language, null, [texts.NotFound], cancellationToken));
        }

        return Show(GoalCatalogueCards.Form(GoalForm.From(stored), stored.Goal.Kind, context.Language));
    }

    public async Task<CardActionResult> NewAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        var goals = await catalogue.ListOrganisationAsync(cancellationToken);
        return Show(GoalCatalogueCards.Form(GoalForm.New(goals), GoalKind.Organisation, context.Language));
    }

    public async Task<CardActionResult> SaveAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        var texts = GoalCatalogueTexts.For(context.Language);
        var form = GoalForm.Read(context.Action);
        var goals = await catalogue.ListOrganisationAsync(cancellationToken);
        var others = goals.Where(goal => !goal.IsRetired && goal.Goal.GoalId != form.GoalId).Select(goal => goal.Goal);
        if (form.GoalId is null)
        {
            return await AddAsync(context, form, others, cancellationToken);
        }

        if (goals.FirstOrDefault(goal => goal.Goal.GoalId == form.GoalId) is not { IsRetired: false } stored)
        {
            return Show(await ListCardAsync(context.Language, null, [texts.NotFound], cancellationToken));
        }

        var errors = form.Validate(stored.Goal.Kind, others, context.Language);
        if (errors.Count > 0)
        {
            return Show(GoalCatalogueCards.Form(form.WithoutPersonalNumbers(), stored.Goal.Kind, context.Language, errors));
        }

        var goal = form.ToGoal(stored.Goal.GoalId, stored.Goal.Kind);
        var outcome = form.Version is { } version
            ? await catalogue.ReplaceOrganisationGoalAsync(goal, version, cancellationToken)
            : CatalogueWrite.ChangedMeanwhile;
        if (outcome == CatalogueWrite.ChangedMeanwhile)
        {
            // Someone saved since this form was opened: show what holds now rather than overwrite it.
            LogChangedMeanwhile(goal.GoalId);
            return await catalogue.GetOrganisationGoalAsync(goal.GoalId, cancellationToken) is { } current
                ? Show(GoalCatalogueCards.Form(GoalForm.From(current), current.Goal.Kind, context.Language, [texts.ChangedMeanwhile]))
                : Show(await ListCardAsync(context.Language, null, [texts.NotFound], cancellationToken));
        }

        if (outcome == CatalogueWrite.NotFound)
        {
            return Show(await ListCardAsync(context.Language, null, [texts.NotFound], cancellationToken));
        }

        LogSaved(goal.GoalId);
        return Show(await ListCardAsync(context.Language, Format(context, texts.Saved, Markdown.Escape(goal.Title.In(context.Language))), null, cancellationToken));
    }

    /// <summary>"Ta bort": asks first.</summary>
    public async Task<CardActionResult> AskRetireAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        var texts = GoalCatalogueTexts.For(context.Language);
        if (await FindAsync(context, cancellationToken) is not { IsRetired: false } stored)
        {
            return Show(await ListCardAsync(context.Language, null, [texts.NotFound], cancellationToken));
        }

        if (stored.Goal.Kind != GoalKind.Organisation)
        {
            return Show(await ListCardAsync(context.Language, null, [texts.OverallCannotBeRetired], cancellationToken));
        }

        var version = context.Action.GetDataString(GoalForm.VersionField);
        return Show(GoalCatalogueCards.ConfirmRetire(stored with { Version = version ?? stored.Version }, context.Language));
    }

    public async Task<CardActionResult> RetireAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        var texts = GoalCatalogueTexts.For(context.Language);
        if (await FindAsync(context, cancellationToken) is not { } stored)
        {
            return Show(await ListCardAsync(context.Language, null, [texts.NotFound], cancellationToken));
        }

        if (stored.Goal.Kind != GoalKind.Organisation)
        {
            return Show(await ListCardAsync(context.Language, null, [texts.OverallCannotBeRetired], cancellationToken));
        }

        var version = context.Action.GetDataString(GoalForm.VersionField) ?? string.Empty;
        var outcome = await catalogue.RetireOrganisationGoalAsync(stored.Goal.GoalId, version, time.GetUtcNow(), cancellationToken);
        if (outcome != CatalogueWrite.Saved)
        {
            LogChangedMeanwhile(stored.Goal.GoalId);
            return Show(await ListCardAsync(context.Language, null, [texts.ChangedMeanwhile], cancellationToken));
        }

        LogRetired(stored.Goal.GoalId);
        return Show(await ListCardAsync(context.Language, Format(context, texts.Retired, Markdown.Escape(stored.Goal.Title.In(context.Language))), null, cancellationToken));
    }

    public async Task<Activity> ListActivityAsync(Language language, CancellationToken cancellationToken) =>
        new() { Attachments = [Attachment.AdaptiveCard(await ListCardAsync(language, null, null, cancellationToken))] };

    /// <summary>
    /// A new goal, once per form: a double press of "Spara" (or Teams retrying a slow invoke) finds the
    /// form's claim taken and is answered as if saved (see <see cref="AddOnce"/>).
    /// </summary>
    private async Task<CardActionResult> AddAsync(CardActionContext context, GoalForm form, IEnumerable<RatingGoal> others, CancellationToken cancellationToken)
    {
        var texts = GoalCatalogueTexts.For(context.Language);
        var errors = form.Validate(GoalKind.Organisation, [], context.Language);
        if (errors.Count > 0)
        {
            return Show(GoalCatalogueCards.Form(form.WithoutPersonalNumbers(), GoalKind.Organisation, context.Language, errors));
        }

        var claimKey = AddOnce.Key(
            context.Action, "organisation-goal", form.TitleSwedish, form.TitleEnglish, form.DescriptionSwedish, form.DescriptionEnglish,
            form.LowSwedish, form.LowEnglish, form.HighSwedish, form.HighEnglish, form.Order);
        var title = form.ToGoal(string.Empty, GoalKind.Organisation).Title.In(context.Language);
        if (await AddOnce.TryClaimAsync(claims, claimKey, cancellationToken) is var press and not AddClaim.Store)
        {
            LogAlreadyAdded();
            var notice = press == AddClaim.AlreadyAdded ? Format(context, texts.Added, Markdown.Escape(title)) : AddOnce.StillSaving.In(context.Language);
            return Show(await ListCardAsync(context.Language, notice, null, cancellationToken));
        }

        RatingGoal? added = null;
        try
        {
            // The titles are checked against the others only now, so that a second press meets the claim, not "taken".
            errors = form.Validate(GoalKind.Organisation, others, context.Language);
            if (errors.Count == 0)
            {
                added = await catalogue.AddOrganisationGoalAsync(goalId => form.ToGoal(goalId, GoalKind.Organisation), cancellationToken);
            }
        }
        catch
        {
            await AddOnce.ReleaseAsync(claims, claimKey);
            throw;
        }

        if (added is null)
        {
            await AddOnce.ReleaseAsync(claims, claimKey);
            return Show(GoalCatalogueCards.Form(form, GoalKind.Organisation, context.Language, errors));
        }

        await AddOnce.CompleteAsync(claims, claimKey);
        LogAdded(added.GoalId);
        return Show(await ListCardAsync(context.Language, Format(context, texts.Added, Markdown.Escape(added.Title.In(context.Language))), null, cancellationToken));
    }

    private async Task<AdaptiveCard> ListCardAsync(Language language, string? notice, IReadOnlyList<string>? errors, CancellationToken cancellationToken) =>
        GoalCatalogueCards.List(await catalogue.ListOrganisationAsync(cancellationToken), language, notice, errors);

    private async Task<CatalogueGoal?> FindAsync(CardActionContext context, CancellationToken cancellationToken) =>
        context.Action.GetDataString(GoalForm.GoalIdField) is { Length: > 0 } goalId
            ? await catalogue.GetOrganisationGoalAsync(goalId, cancellationToken)
            : null;


    private static CardActionResult Show(AdaptiveCard card) => CardActionResult.ShowCard(card);

    private static string Format(CardActionContext context, string format, string argument) => string.Format(context.Culture, format, argument);

    [LoggerMessage(Level = LogLevel.Information, Message = "A coordinator added organisation goal {GoalId}")]
    private partial void LogAdded(string goalId);

    [LoggerMessage(Level = LogLevel.Information, Message = "A second press of the same new-goal form: nothing stored")]
    private partial void LogAlreadyAdded();

    [LoggerMessage(Level = LogLevel.Information, Message = "A coordinator changed organisation goal {GoalId}")]
    private partial void LogSaved(string goalId);

    [LoggerMessage(Level = LogLevel.Information, Message = "A coordinator retired organisation goal {GoalId}")]
    private partial void LogRetired(string goalId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a change of goal {GoalId}: it changed since the form was opened")]
    private partial void LogChangedMeanwhile(string goalId);
}
