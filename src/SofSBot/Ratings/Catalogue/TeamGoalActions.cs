using SofSBot.BotFramework.Cards;
using SofSBot.CardActions;
using SofSBot.Localization;
using SofSBot.Privacy;
using SofSBot.Roles;
using SofSBot.Storage;

namespace SofSBot.Ratings.Catalogue;

/// <summary>
/// The team's own goals for the current year (Stockholm time): everyone in the team sees them, its
/// leaders add and retire them (the router checks the role). The team is the activity's, never the
/// card's, so a goal id of another team finds nothing.
/// </summary>
internal sealed partial class TeamGoalActions(IGoalCatalogueStore catalogue, IClaimStore claims, TimeProvider time, ILogger<TeamGoalActions> logger)
{
    public int CurrentYear => RatingCards.TodayIn(time.GetUtcNow()).Year;

    public async Task<AdaptiveCard> ListCardAsync(
        string teamId, UserRoles roles, Language language, string? notice, string? error, string? draft, CancellationToken cancellationToken)
    {
        var year = CurrentYear;
        var goals = await catalogue.ListTeamGoalsAsync(teamId, year, cancellationToken);
        return TeamGoalCards.List(goals, year, roles.Allows(CommandAudience.TeamLeaders), language, notice, error, draft);
    }

    public async Task<CardActionResult> AddAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        var texts = TeamGoalTexts.For(context.Language);
        if (context.TeamId is not { } teamId)
        {
            return CardActionResult.Refuse(CardActionErrors.InvalidInput, RatingTexts.For(context.Language).OnlyInTeam);
        }

        // The personal identity number first: a refusal for any other reason shows the draft again.
        var check = FreeText.Check(GoalForm.Text(context.Action, TeamGoalCards.TitleField), TeamGoalCards.MaxTitleLength);
        if (check.Problem == FreeTextProblem.PersonalIdentityNumber)
        {
            return await RefuseAsync(context, teamId, PrivacyTexts.For(context.Language).PersonalNumberRefused, draft: null, cancellationToken);
        }

        if (!check.IsAccepted)
        {
            return await RefuseAsync(context, teamId, string.Format(context.Culture, texts.TitleRequired, TeamGoalCards.MaxTitleLength), check.Draft, cancellationToken);
        }

        var title = check.Text;
        var year = CurrentYear;
        var claimKey = AddOnce.Key(context.Action, $"team-goal|{teamId}|{year}", title);
        if (await AddOnce.TryClaimAsync(claims, claimKey, cancellationToken) is var press and not AddClaim.Store)
        {
            // A second press of the same form (or Teams retrying a slow invoke): the first one added it, or still is.
            LogAlreadyAdded(teamId);
            var notice = press == AddClaim.AlreadyAdded ? string.Format(context.Culture, texts.Added, Markdown.Escape(title)) : AddOnce.StillSaving.In(context.Language);
            return await ShowAsync(context, teamId, notice, cancellationToken);
        }

        bool alreadyThere;
        try
        {
            alreadyThere = (await catalogue.ListTeamGoalsAsync(teamId, year, cancellationToken))
                .Any(goal => !goal.IsRetired && string.Equals(goal.Goal.Title.Swedish, title, StringComparison.OrdinalIgnoreCase));
            if (!alreadyThere)
            {
                var goal = await catalogue.AddTeamGoalAsync(teamId, year, title, cancellationToken);
                LogAdded(teamId, goal.GoalId);
            }
        }
        catch
        {
            await AddOnce.ReleaseAsync(claims, claimKey);
            throw;
        }

        if (alreadyThere)
        {
            // The same goal typed again in a new form: the claim is given back and nothing is stored.
            await AddOnce.ReleaseAsync(claims, claimKey);
            return await RefuseAsync(context, teamId, string.Format(context.Culture, texts.AlreadyThere, Markdown.Escape(title)), title, cancellationToken);
        }

        await AddOnce.CompleteAsync(claims, claimKey);
        return await ShowAsync(context, teamId, string.Format(context.Culture, texts.Added, Markdown.Escape(title)), cancellationToken);
    }

    public async Task<CardActionResult> RetireAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        var texts = TeamGoalTexts.For(context.Language);
        if (context.TeamId is not { } teamId)
        {
            return CardActionResult.Refuse(CardActionErrors.InvalidInput, RatingTexts.For(context.Language).OnlyInTeam);
        }

        var goalId = context.Action.GetDataString(TeamGoalCards.GoalIdField);
        var goal = goalId is null ? null : (await catalogue.ListTeamGoalsAsync(teamId, CurrentYear, cancellationToken)).FirstOrDefault(g => g.Goal.GoalId == goalId);
        if (goal is null || await catalogue.RetireTeamGoalAsync(teamId, goal.Goal.GoalId, time.GetUtcNow(), cancellationToken) != CatalogueWrite.Saved)
        {
            return await RefuseAsync(context, teamId, texts.NotFound, draft: null, cancellationToken);
        }

        LogRetired(teamId, goal.Goal.GoalId);
        return await ShowAsync(context, teamId, string.Format(context.Culture, texts.Retired, Markdown.Escape(goal.Goal.Title.In(context.Language))), cancellationToken);
    }

    private async Task<CardActionResult> ShowAsync(CardActionContext context, string teamId, string notice, CancellationToken cancellationToken)
    {
        var card = await ListCardAsync(teamId, context.Roles, context.Language, notice, null, null, cancellationToken);
        return context.IsInvoke ? CardActionResult.ShowCard(card) : CardActionResult.ShowMessage(notice);
    }

    private async Task<CardActionResult> RefuseAsync(CardActionContext context, string teamId, string error, string? draft, CancellationToken cancellationToken)
    {
        LogRefused(teamId);
        return context.IsInvoke
            ? CardActionResult.ShowCard(await ListCardAsync(teamId, context.Roles, context.Language, null, error, draft, cancellationToken))
            : CardActionResult.Refuse(CardActionErrors.InvalidInput, error);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A leader added goal {GoalId} of team {TeamId}")]
    private partial void LogAdded(string teamId, string goalId);

    [LoggerMessage(Level = LogLevel.Information, Message = "A second press of the same add form of team {TeamId}: nothing stored")]
    private partial void LogAlreadyAdded(string teamId);

    [LoggerMessage(Level = LogLevel.Information, Message = "A leader retired goal {GoalId} of team {TeamId}")]
    private partial void LogRetired(string teamId, string goalId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a change of the goals of team {TeamId}")]
    private partial void LogRefused(string teamId);
}
