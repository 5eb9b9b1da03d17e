using SofSBot.BotFramework.Activities;
using SofSBot.CardActions;
using SofSBot.Roles;

namespace SofSBot.Privacy;

/// <summary>
/// The buttons of "mina data": show again, ask before erasing, erase. They act on the pressing user's
/// own data only, and only in personal chat, where nobody else sees the answer.
/// </summary>
internal sealed class PrivacyCardAction(string verb, PersonalData personalData) : ICardActionHandler
{
    public string Verb { get; } = verb;

    public CommandAudience Audience => CommandAudience.Everyone;

    public static bool IsPersonalChat(Activity activity) => activity.Conversation?.ConversationType == "personal";

    /// <summary>The sender as a data subject: the Teams id the turn was checked against, and their Entra object id.</summary>
    public static DataSubject SubjectOf(Activity activity, string userId) => new(userId, activity.From?.AadObjectId);

    public async Task<CardActionResult> HandleAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        var texts = PersonalDataTexts.For(context.Language);
        if (!IsPersonalChat(context.Turn.Activity) || context.UserId.Length == 0)
        {
            return CardActionResult.Refuse(CardActionErrors.Forbidden, texts.OnlyInPersonalChat);
        }

        switch (Verb)
        {
            case PersonalDataCards.AskEraseVerb:
                return context.IsInvoke
                    ? CardActionResult.ShowCard(PersonalDataCards.Confirm(context.Language))
                    : CardActionResult.ShowMessage(texts.ConfirmText);
            case PersonalDataCards.EraseVerb:
                var erased = await personalData.EraseAsync(SubjectOf(context.Turn.Activity, context.UserId), cancellationToken);
                var done = PersonalDataCards.Erased(erased, context.Language, context.Culture);
                return context.IsInvoke ? CardActionResult.ShowCard(done) : CardActionResult.ShowMessage(done.FallbackText ?? string.Empty);
            default:
                var items = await personalData.FindAsync(SubjectOf(context.Turn.Activity, context.UserId), cancellationToken);
                return CardActionResult.ShowCard(PersonalDataCards.Overview(items, context.Language, context.Culture));
        }
    }
}
