using SofSBot.BotFramework.Activities;
using SofSBot.Commands;
using SofSBot.Roles;

namespace SofSBot.Help;

/// <summary><c>hjälp</c> / <c>help</c>: answers with the help card.</summary>
internal sealed class HelpCommand(IServiceProvider services) : IBotCommand
{
    public CommandInfo Info { get; } = new(
        SwedishName: "hjälp",
        EnglishName: "help",
        SwedishDescription: HelpTexts.Swedish.HelpDescription,
        EnglishDescription: HelpTexts.English.HelpDescription,
        Audience: CommandAudience.Everyone,
        OtherAliases: ["?", "hjalp"]);

    public async Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        // The table lists every command, this one included, so it is resolved at call time.
        var table = services.GetRequiredService<CommandTable>();
        var card = HelpCard.Create(context.Language, context.Roles, table.Commands);
        await context.Turn.ReplyAsync(new Activity { Attachments = [Attachment.AdaptiveCard(card)] }, cancellationToken);
    }
}
