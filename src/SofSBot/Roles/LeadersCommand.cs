using System.Text;
using SofSBot.BotFramework.Cards;
using SofSBot.Commands;

namespace SofSBot.Roles;

/// <summary><c>teamledare</c> / <c>leaders</c>, in a team channel: lists the team's named leaders.</summary>
internal sealed class LeadersCommand(INamedLeaderStore leaders) : IBotCommand
{
    public CommandInfo Info { get; } = new(
        SwedishName: "teamledare",
        EnglishName: "leaders",
        SwedishDescription: LeaderTexts.Swedish.ListDescription,
        EnglishDescription: LeaderTexts.English.ListDescription,
        Audience: CommandAudience.Coordinators);

    public async Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var texts = LeaderTexts.For(context.Language);
        var teamId = context.TeamId!;
        var named = await leaders.ListAsync(teamId, cancellationToken);
        var text = new StringBuilder();
        if (named.Count == 0)
        {
            text.Append(texts.NoneNamed);
        }
        else
        {
            text.Append(texts.ListHeading);
            foreach (var leader in named)
            {
                text.Append("\n\n- ").Append(Markdown.Escape(leader.Name ?? leader.AadObjectId));
            }
        }

        text.Append("\n\n").Append(texts.OwnersLeadToo);
        await context.Turn.ReplyTextAsync(text.ToString(), cancellationToken);
    }
}
