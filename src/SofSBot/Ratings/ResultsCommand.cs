using SofSBot.BotFramework.Activities;
using SofSBot.Commands;
using SofSBot.Roles;

namespace SofSBot.Ratings;

/// <summary>
/// <c>resultat</c> / <c>results</c> in a team channel: the results of the team's latest round. While
/// the round is open only leaders see the preliminary figures; members are told when results come.
/// </summary>
internal sealed class ResultsCommand(IRatingRoundStore rounds, RatingRounds ratingRounds) : IBotCommand
{
    public CommandInfo Info { get; } = new(
        SwedishName: "resultat",
        EnglishName: "results",
        SwedishDescription: RatingTexts.Swedish.ResultsCommandDescription,
        EnglishDescription: RatingTexts.English.ResultsCommandDescription,
        Audience: CommandAudience.Everyone);

    public async Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var texts = RatingTexts.For(context.Language);
        var teamId = context.TeamId!;
        var teamRounds = await rounds.ListForTeamAsync(teamId, cancellationToken);
        var latest = teamRounds.Count > 0 ? teamRounds[0] : null;
        if (latest is null)
        {
            await context.Turn.ReplyTextAsync(texts.NoRounds, cancellationToken);
            return;
        }

        if (!latest.IsClosed && !context.Roles.Allows(CommandAudience.TeamLeaders))
        {
            await context.Turn.ReplyTextAsync(
                string.Format(context.Culture, texts.ResultsAfterClose, RatingCards.FormatLastDay(latest.Deadline, context.Language)), cancellationToken);
            return;
        }

        var (card, _) = await ratingRounds.ResultsAsync(latest, context.Language, cancellationToken);
        await context.Turn.ReplyAsync(new Activity { Attachments = [Attachment.AdaptiveCard(card)] }, cancellationToken);
    }
}
