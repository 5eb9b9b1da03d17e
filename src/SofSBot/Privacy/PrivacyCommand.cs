using SofSBot.BotFramework.Activities;
using SofSBot.Commands;
using SofSBot.Roles;

namespace SofSBot.Privacy;

/// <summary><c>mina data</c> / <c>my data</c> in personal chat: everything stored about the caller, with a way to erase it.</summary>
internal sealed class PrivacyCommand(PersonalData personalData) : IBotCommand
{
    public CommandInfo Info { get; } = new(
        SwedishName: "mina data",
        EnglishName: "my data",
        SwedishDescription: PersonalDataTexts.Swedish.CommandDescription,
        EnglishDescription: PersonalDataTexts.English.CommandDescription,
        Audience: CommandAudience.Everyone);

    public async Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.Turn.Activity.From?.Id is not { Length: > 0 } userId)
        {
            await context.Turn.ReplyTextAsync(PersonalDataTexts.For(context.Language).OnlyInPersonalChat, cancellationToken);
            return;
        }

        var items = await personalData.FindAsync(PrivacyCardActions.SubjectOf(context.Turn.Activity, userId), cancellationToken);
        var card = PersonalDataCards.Overview(items, context.Language, context.Culture);
        await context.Turn.ReplyAsync(new Activity { Attachments = [Attachment.AdaptiveCard(card)] }, cancellationToken);
    }
}
