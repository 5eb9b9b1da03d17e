using SofSBot.CardActions;
using SofSBot.Ratings;

namespace SofSBot.Export;

/// <summary>The period-end reminder's "Exportera" button: the same card as typing <c>export</c>.</summary>
internal sealed class ShowExportFormAction(IRatingPeriodStore periods)
{
    public async Task<CardActionResult> ShowAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        var texts = ExportBotTexts.For(context.Language);
        var list = await periods.ListAsync(cancellationToken);
        return list.Count == 0
            ? CardActionResult.ShowMessage(texts.NoPeriods)
            : CardActionResult.ShowCard(ExportCards.Form(list, context.Language));
    }
}
