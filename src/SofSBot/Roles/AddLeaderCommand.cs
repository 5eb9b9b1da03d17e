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
        if (context.TeamId is not { Length: > 0 } teamId)
        {
            await context.ReplyTextAsync(texts.OnlyInTeamChannel, cancellationToken);
            return;
        }

        var candidate = await LeaderCandidates.FindAsync(context, teamId, cancellationToken);
        if (candidate is null)
        {
            await context.ReplyTextAsync(texts.WhoUsage, cancellationToken);
            return;
        }

        if (candidate.AadObjectId is not { } objectId)
        {
            await context.ReplyTextAsync(string.Format(context.Culture, texts.NotInTeam, candidate.DisplayName), cancellationToken);
            return;
        }

        var leader = new NamedLeader(teamId, objectId, candidate.Name, context.Turn.Activity.From?.AadObjectId, time.GetUtcNow());
        var added = await leaders.AddAsync(leader, cancellationToken);
        await context.ReplyTextAsync(string.Format(context.Culture, added ? texts.Added : texts.AlreadyNamed, candidate.DisplayName), cancellationToken);
    }
}
