using SofSBot.BotFramework.Activities;
using SofSBot.Commands;
using SofSBot.Ratings;
using SofSBot.Roles;

namespace SofSBot.Export;

/// <summary><c>export</c> in personal chat, for coordinators: the card that chooses periods and format.</summary>
internal sealed class ExportCommand(IRatingPeriodStore periods) : IBotCommand
{
    public CommandInfo Info { get; } = new(
        "export",
        "export",
        ExportBotTexts.Swedish.CommandDescription,
        ExportBotTexts.English.CommandDescription,
        CommandAudience.Coordinators,
        ["exportera"]);

    public async Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        // Files go to the coordinator alone: the route admits the personal chat only.
        var texts = ExportBotTexts.For(context.Language);
        var list = await periods.ListAsync(cancellationToken);
        if (list.Count == 0)
        {
            await context.Turn.ReplyTextAsync(texts.NoPeriods, cancellationToken);
            return;
        }

        await context.Turn.ReplyAsync(new Activity { Attachments = [Attachment.AdaptiveCard(ExportCards.Form(list, context.Language))] }, cancellationToken);
    }
}
