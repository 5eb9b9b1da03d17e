using SofSBot.CardActions;
using SofSBot.Ratings;
using SofSBot.Roles;

namespace SofSBot.Export;

/// <summary>The period-end reminder's "Exportera" button: the same card as typing <c>export</c>.</summary>
internal sealed class ShowExportFormAction(IRatingPeriodStore periods) : ICardActionHandler
{
    public string Verb => PeriodEndReminderCards.ShowExportVerb;

    public CommandAudience Audience => CommandAudience.Coordinators;

    public async Task<CardActionResult> HandleAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        var texts = ExportBotTexts.For(context.Language);
        if (!ExportCommand.IsPersonalChat(context.Turn))
        {
            return CardActionResult.Refuse(CardActionErrors.InvalidInput, texts.OnlyInPersonalChat);
        }

        var list = await periods.ListAsync(cancellationToken);
        return list.Count == 0
            ? CardActionResult.ShowMessage(texts.NoPeriods)
            : CardActionResult.ShowCard(ExportCards.Form(list, context.Language));
    }
}
