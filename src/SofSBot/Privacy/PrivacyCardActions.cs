using SofSBot.BotFramework.Activities;
using SofSBot.CardActions;

namespace SofSBot.Privacy;

/// <summary>
/// The buttons of "mina data": show again, ask before erasing, erase. They act on the pressing user's
/// own data only, and only in personal chat, where nobody else sees the answer (the route's scope).
/// </summary>
internal sealed class PrivacyCardActions(PersonalData personalData)
{
    /// <summary>The sender as a data subject: the Teams id the turn was checked against, and their Entra object id.</summary>
    public static DataSubject SubjectOf(Activity activity, string userId) => new(userId, activity.From?.AadObjectId);

    public async Task<CardActionResult> ShowAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        if (context.UserId.Length == 0)
        {
            return NoUser(context);
        }

        var items = await personalData.FindAsync(SubjectOf(context.Turn.Activity, context.UserId), cancellationToken);
        return CardActionResult.ShowCard(PersonalDataCards.Overview(items, context.Language, context.Culture));
    }

    public static Task<CardActionResult> AskEraseAsync(CardActionContext context, CancellationToken cancellationToken) =>
        Task.FromResult(context.UserId.Length == 0 ? NoUser(context)
            : context.IsInvoke ? CardActionResult.ShowCard(PersonalDataCards.Confirm(context.Language))
            : CardActionResult.ShowMessage(PersonalDataTexts.For(context.Language).ConfirmText));

    public async Task<CardActionResult> EraseAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        if (context.UserId.Length == 0)
        {
            return NoUser(context);
        }

        var erased = await personalData.EraseAsync(SubjectOf(context.Turn.Activity, context.UserId), cancellationToken);
        var done = PersonalDataCards.Erased(erased, context.Language, context.Culture);
        return context.IsInvoke ? CardActionResult.ShowCard(done) : CardActionResult.ShowMessage(done.FallbackText ?? string.Empty);
    }

    private static CardActionResult NoUser(CardActionContext context) =>
        CardActionResult.Refuse(CardActionErrors.Forbidden, PersonalDataTexts.For(context.Language).OnlyInPersonalChat);
}
