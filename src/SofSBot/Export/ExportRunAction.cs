using Microsoft.Extensions.Options;
using SofSBot.CardActions;
using SofSBot.Ratings;

namespace SofSBot.Export;

/// <summary>The card's "Export": checks the choice and starts the export in the background.</summary>
/// Coordinators only, in their personal chat (both are the route's, see <see cref="ExportExtensions.MapExport"/>).
internal sealed class ExportRunAction(IRatingPeriodStore periods, ExportJobs jobs, IOptions<ExportOptions> options)
{
    public async Task<CardActionResult> RunAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        var texts = ExportBotTexts.For(context.Language);
        try
        {
            _ = options.Value;
        }
        catch (OptionsValidationException)
        {
            return CardActionResult.Refuse(CardActionErrors.Failed, texts.NoPseudonymSecret);
        }

        var all = await periods.ListAsync(cancellationToken);
        var chosen = (context.Action.GetDataString(ExportCards.PeriodsInput) ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var selection = PeriodSelector.Select(all, chosen);
        if (selection.Periods.Count == 0 || selection.Unknown.Count > 0
            || !ExportCards.Formats.TryGetValue(context.Action.GetDataString(ExportCards.FormatInput) ?? "xlsx", out var format))
        {
            return context.IsInvoke
                ? CardActionResult.ShowCard(ExportCards.Form(all, context.Language, texts.PeriodsRequired))
                : CardActionResult.ShowMessage(texts.PeriodsRequired);
        }

        var request = new ExportRequest([.. selection.Periods.Select(period => period.PeriodId)], format, context.Language);
        jobs.Start(context.Turn, request, context.UserId);
        var names = string.Join(", ", selection.Periods.Select(period => period.Name));
        return context.IsInvoke
            ? CardActionResult.ShowCard(ExportCards.Started(names, context.Language))
            : CardActionResult.ShowMessage(string.Format(context.Culture, texts.Started, names));
    }
}
