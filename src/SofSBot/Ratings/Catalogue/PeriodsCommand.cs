using SofSBot.BotFramework.Activities;
using SofSBot.Commands;
using SofSBot.Roles;

namespace SofSBot.Ratings.Catalogue;

/// <summary><c>perioder</c> / <c>periods</c> in personal chat, for coordinators: the rating periods, to edit or add.</summary>
internal sealed class PeriodsCommand(PeriodActions actions) : IBotCommand
{
    public CommandInfo Info { get; } = new(
        SwedishName: "perioder",
        EnglishName: "periods",
        SwedishDescription: PeriodTexts.Swedish.CommandDescription,
        EnglishDescription: PeriodTexts.English.CommandDescription,
        Audience: CommandAudience.Coordinators,
        OtherAliases: ["period"]);

    public async Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        await context.Turn.ReplyAsync(await actions.ListActivityAsync(context.Language, cancellationToken), cancellationToken);
    }
}
