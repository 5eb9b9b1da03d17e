using SofSBot.CardActions;
using SofSBot.Privacy;

namespace SofSBot.Routines.Highlights;

/// <summary>
/// A member adds, changes or removes their own highlight, or opens their own view (refresh). The team
/// comes from the turn and the member from the authenticated sender: card data only names the card's
/// meeting and week, so it can never write for someone else or into another team. The route admits
/// a member in a team only and binds the card's data (<see cref="HighlightsExtensions.MapHighlights"/>).
/// </summary>
internal sealed partial class HighlightsActions(
    IHighlightsStore store, SharedCardUpdater sharedCard, RoutineCardLocations cards, ILogger<HighlightsActions> logger)
{
    public Task<CardActionResult> SaveAsync(CardActionContext context, HighlightsCardData data, CancellationToken cancellationToken) =>
        SaveAsync(context, context.TeamId!, data, HighlightsTexts.For(context.Language), cancellationToken);

    public Task<CardActionResult> RemoveAsync(CardActionContext context, HighlightsCardData data, CancellationToken cancellationToken) =>
        RemoveAsync(context, context.TeamId!, data, HighlightsTexts.For(context.Language), cancellationToken);

    /// <summary>The card's refresh: the member's own view.</summary>
    public Task<CardActionResult> ShowAsync(CardActionContext context, HighlightsCardData data, CancellationToken cancellationToken) =>
        ShowAsync(context, context.TeamId!, data, viewer: null, HighlightsTexts.For(context.Language), cancellationToken);

    private async Task<CardActionResult> SaveAsync(CardActionContext context, string teamId, HighlightsCardData data, HighlightsTexts texts, CancellationToken cancellationToken)
    {
        var check = FreeText.Check(data.Text, HighlightText.MaxLength);
        if (check.Problem == FreeTextProblem.PersonalIdentityNumber)
        {
            LogRefusedPersonalNumber(teamId);
        }

        HighlightsViewer? refused = check.Problem switch
        {
            FreeTextProblem.PersonalIdentityNumber => Viewer(context, new HighlightsNotice(PrivacyTexts.For(context.Language).PersonalNumberRefused, IsError: true), inputValue: string.Empty),
            FreeTextProblem.Empty => Viewer(context, new HighlightsNotice(texts.Empty, IsError: true)),
            FreeTextProblem.TooLong => Viewer(context, new HighlightsNotice(texts.TooLong(check.Text.Length), IsError: true), inputValue: check.Draft),
            _ => null,
        };
        if (refused is not null)
        {
            return await ShowAsync(context, teamId, data, refused, texts, cancellationToken);
        }

        var userName = string.IsNullOrWhiteSpace(context.UserName) ? texts.SomeoneInTheTeam : context.UserName;
        var write = await store.SaveAsync(teamId, data.Week, data.MeetingId, context.UserId, userName, check.Text, cancellationToken);
        return await AnswerAsync(context, teamId, data, write, texts, cancellationToken);
    }

    private async Task<CardActionResult> RemoveAsync(CardActionContext context, string teamId, HighlightsCardData data, HighlightsTexts texts, CancellationToken cancellationToken)
    {
        var write = await store.RemoveAsync(teamId, data.Week, data.MeetingId, context.UserId, cancellationToken);
        return await AnswerAsync(context, teamId, data, write, texts, cancellationToken);
    }

    private async Task<CardActionResult> AnswerAsync(
        CardActionContext context, string teamId, HighlightsCardData data, HighlightWrite write, HighlightsTexts texts, CancellationToken cancellationToken)
    {
        if (write == HighlightWrite.MeetingNotFound)
        {
            return CardActionResult.Refuse(CardActionErrors.InvalidInput, texts.CardNotFound);
        }

        // Also after a repeat that wrote nothing: the first try may have been cut off before its update.
        await sharedCard.UpdateAsync(
            context.Turn,
            await cards.FindAsync(teamId, data.MeetingId, cancellationToken),
            async ct => await RenderSharedAsync(teamId, data, ct),
            ct => store.ReadVersionAsync(teamId, data.Week, ct),
            cancellationToken);

        var confirmation = write switch
        {
            HighlightWrite.Added => texts.Added,
            HighlightWrite.Changed => texts.Changed,
            HighlightWrite.Removed => texts.Removed,
            _ when context.Action.Verb == HighlightsCard.RemoveVerb => texts.NothingToRemove,
            _ => texts.AlreadySaved,
        };
        return await ShowAsync(context, teamId, data, Viewer(context, new HighlightsNotice(confirmation, IsError: false)), texts, cancellationToken);
    }

    /// <summary>The acting member's own view; as a short message for older clients, whose card answers would be posted as new messages.</summary>
    private async Task<CardActionResult> ShowAsync(
        CardActionContext context, string teamId, HighlightsCardData data, HighlightsViewer? viewer, HighlightsTexts texts, CancellationToken cancellationToken)
    {
        if (!context.IsInvoke)
        {
            return CardActionResult.ShowMessage(viewer?.Notice?.Text ?? texts.Prompt);
        }

        var board = await store.ReadAsync(teamId, data.Week, cancellationToken);
        if (board.FindMeeting(data.MeetingId) is not { } meeting)
        {
            return CardActionResult.Refuse(CardActionErrors.InvalidInput, texts.CardNotFound);
        }

        return CardActionResult.ShowCard(HighlightsCard.Personal(board, meeting, viewer ?? Viewer(context, notice: null)));
    }

    private async Task<SharedCard> RenderSharedAsync(string teamId, HighlightsCardData data, CancellationToken cancellationToken)
    {
        var board = await store.ReadAsync(teamId, data.Week, cancellationToken);
        var meeting = board.FindMeeting(data.MeetingId)
            ?? throw new InvalidOperationException($"The meeting {data.MeetingId} of a stored highlight is gone.");
        return new SharedCard(HighlightsCard.Shared(board, meeting), board.Version);
    }

    private static HighlightsViewer Viewer(CardActionContext context, HighlightsNotice? notice, string? inputValue = null) =>
        new(context.UserId, context.Language, context.Culture, notice, inputValue);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a highlight in team {TeamId}: it looked like a personal identity number; nothing was stored")]
    private partial void LogRefusedPersonalNumber(string teamId);
}
