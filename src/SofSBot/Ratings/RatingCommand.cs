using SofSBot.BotFramework.Activities;
using SofSBot.Commands;
using SofSBot.Roles;

namespace SofSBot.Ratings;

/// <summary><c>skattning</c> / <c>rating</c> in a team channel: the leader's form to open a rating round.</summary>
internal sealed class RatingCommand(IRatingPeriodStore periods, TimeProvider time) : IBotCommand
{
    private const int DefaultDaysToAnswer = 14;

    public CommandInfo Info { get; } = new(
        SwedishName: "skattning",
        EnglishName: "rating",
        SwedishDescription: RatingTexts.Swedish.RatingCommandDescription,
        EnglishDescription: RatingTexts.English.RatingCommandDescription,
        Audience: CommandAudience.TeamLeaders,
        OtherAliases: ["skattningar", "ratings"]);

    public async Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var today = RatingCards.TodayIn(time.GetUtcNow());
        var choices = await RatingCardActions.OpenPeriodsAsync(periods, today, cancellationToken);
        var current = choices.First(period => period.Contains(today));
        var card = RatingCards.OpenForm(choices, current.PeriodId, today.AddDays(DefaultDaysToAnswer), context.Language);
        await context.Turn.ReplyAsync(new Activity { Attachments = [Attachment.AdaptiveCard(card)] }, cancellationToken);
    }
}
