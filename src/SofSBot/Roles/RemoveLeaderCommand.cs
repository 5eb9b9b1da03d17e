using SofSBot.BotFramework.Cards;
using SofSBot.Commands;

namespace SofSBot.Roles;

/// <summary>
/// <c>teamledare ta bort @namn</c> / <c>leaders remove @name</c>, in a team channel: removes a named
/// leader. The team's owners in Teams stay leaders; that is Teams' to change.
/// </summary>
internal sealed class RemoveLeaderCommand(INamedLeaderStore leaders) : IBotCommand
{
    public CommandInfo Info { get; } = new(
        SwedishName: "teamledare ta bort",
        EnglishName: "leaders remove",
        SwedishDescription: LeaderTexts.Swedish.RemoveDescription,
        EnglishDescription: LeaderTexts.English.RemoveDescription,
        Audience: CommandAudience.Coordinators);

    public async Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var texts = LeaderTexts.For(context.Language);
        if (await LeaderCandidates.ResolveAsync(context, texts, cancellationToken) is not var (teamId, objectId, candidate))
        {
            return;
        }

        var removed = await leaders.RemoveAsync(teamId, objectId, cancellationToken);
        await context.Turn.ReplyTextAsync(string.Format(context.Culture, removed ? texts.Removed : texts.NotNamed, Markdown.Escape(candidate.DisplayName)), cancellationToken);
    }
}
