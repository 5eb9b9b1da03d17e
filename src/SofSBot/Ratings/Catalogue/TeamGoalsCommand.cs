using SofSBot.BotFramework.Activities;
using SofSBot.Commands;
using SofSBot.Roles;

namespace SofSBot.Ratings.Catalogue;

/// <summary>
/// <c>teamets mål</c> / <c>team goals</c> in a team channel: the team's own goals of the year for
/// everyone; leaders get the buttons to add and remove (and only they may press them).
/// </summary>
internal sealed class TeamGoalsCommand(TeamGoalActions actions) : IBotCommand
{
    public CommandInfo Info { get; } = new(
        SwedishName: "teamets mål",
        EnglishName: "team goals",
        SwedishDescription: TeamGoalTexts.Swedish.CommandDescription,
        EnglishDescription: TeamGoalTexts.English.CommandDescription,
        Audience: CommandAudience.Everyone,
        OtherAliases: ["teamets mal", "teammål", "teammal"]);

    public async Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var teamId = context.TeamId!;
        var card = await actions.ListCardAsync(teamId, context.Roles, context.Language, null, null, null, cancellationToken);
        await context.Turn.ReplyAsync(new Activity { Attachments = [Attachment.AdaptiveCard(card)] }, cancellationToken);
    }
}
