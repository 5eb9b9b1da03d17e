using SofSBot.BotFramework.Activities;
using SofSBot.Commands;
using SofSBot.Roles;

namespace SofSBot.Ratings;

/// <summary>
/// <c>resultat</c> / <c>results</c> in a team channel: the results of the team's latest round. While
/// the round is open everyone, leaders too, gets the count only ("5 av 9 har svarat") and when the
/// results come: figures asked for before and after one answer would show that answer.
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

        if (!latest.IsClosed)
        {
            var count = await ratingRounds.CountRespondentsAsync(latest, cancellationToken);
            await context.Turn.ReplyTextAsync(
                RatingCards.CounterText(latest, count, context.Language) + ". "
                    + string.Format(context.Culture, texts.ResultsAfterClose, RatingCards.FormatLastDay(latest.Deadline, context.Language)),
                cancellationToken);
            return;
        }

        var (card, _) = await ratingRounds.ResultsAsync(latest, context.Language, cancellationToken);
        await context.Turn.ReplyAsync(new Activity { Attachments = [Attachment.AdaptiveCard(card)] }, cancellationToken);
    }
}
