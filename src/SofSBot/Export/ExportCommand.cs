using SofSBot.BotFramework.Activities;
using SofSBot.BotFramework.Hosting;
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
        var texts = ExportBotTexts.For(context.Language);
        if (!IsPersonalChat(context.Turn))
        {
            await context.Turn.ReplyTextAsync(texts.OnlyInPersonalChat, cancellationToken);
            return;
        }

        var list = await periods.ListAsync(cancellationToken);
        if (list.Count == 0)
        {
            await context.Turn.ReplyTextAsync(texts.NoPeriods, cancellationToken);
            return;
        }

        await context.Turn.ReplyAsync(new Activity { Attachments = [Attachment.AdaptiveCard(ExportCards.Form(list, context.Language))] }, cancellationToken);
    }

    /// <summary>Files go to the coordinator alone: never into a channel or a group chat.</summary>
    public static bool IsPersonalChat(TurnContext turn) => turn.Activity.Conversation?.ConversationType == "personal";
}
