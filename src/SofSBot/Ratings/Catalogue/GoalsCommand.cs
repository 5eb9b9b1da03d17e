using SofSBot.BotFramework.Activities;
using SofSBot.Commands;
using SofSBot.Roles;

namespace SofSBot.Ratings.Catalogue;

/// <summary><c>mål</c> / <c>goals</c> in personal chat, for coordinators: the goal catalogue with its edit buttons.</summary>
internal sealed class GoalsCommand(GoalCatalogueActions actions) : IBotCommand
{
    public CommandInfo Info { get; } = new(
        SwedishName: "mål",
        EnglishName: "goals",
        SwedishDescription: GoalCatalogueTexts.Swedish.CommandDescription,
        EnglishDescription: GoalCatalogueTexts.English.CommandDescription,
        Audience: CommandAudience.Coordinators,
        OtherAliases: ["mal", "målkatalog", "målkatalogen"]);

    public async Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        await context.Turn.ReplyAsync(await actions.ListActivityAsync(context.Language, cancellationToken), cancellationToken);
    }
}
