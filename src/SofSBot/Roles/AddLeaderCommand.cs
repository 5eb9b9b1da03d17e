using SofSBot.BotFramework.Cards;
using SofSBot.Commands;

namespace SofSBot.Roles;

/// <summary>
/// <c>teamledare lägg till @namn</c> / <c>leaders add @name</c>, in a team channel: names a person
/// leader of the team (an @mention, or an Entra object id).
/// </summary>
internal sealed class AddLeaderCommand(INamedLeaderStore leaders, TimeProvider time) : IBotCommand
{
    public CommandInfo Info { get; } = new(
        SwedishName: "teamledare lägg till",
        EnglishName: "leaders add",
        SwedishDescription: LeaderTexts.Swedish.AddDescription,
        EnglishDescription: LeaderTexts.English.AddDescription,
        Audience: CommandAudience.Coordinators,
        OtherAliases: ["teamledare lagg till"]);

    public async Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var texts = LeaderTexts.For(context.Language);
        if (await LeaderCandidates.ResolveAsync(context, texts, cancellationToken) is not var (teamId, objectId, candidate))
        {
            return;
        }

        var leader = new NamedLeader(teamId, objectId, candidate.Name, context.Turn.Activity.From?.AadObjectId, time.GetUtcNow());
        var added = await leaders.AddAsync(leader, cancellationToken);
        await context.Turn.ReplyTextAsync(string.Format(context.Culture, added ? texts.Added : texts.AlreadyNamed, Markdown.Escape(candidate.DisplayName)), cancellationToken);
    }
}
