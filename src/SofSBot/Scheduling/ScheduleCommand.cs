using SofSBot.BotFramework.Activities;
using SofSBot.Commands;
using SofSBot.Roles;

namespace SofSBot.Scheduling;

/// <summary><c>schema</c> / <c>schedule</c> in a team channel: the team's schedules, for its leaders.</summary>
internal sealed class ScheduleCommand(ScheduleEditor editor) : IBotCommand
{
    public CommandInfo Info { get; } = new(
        SwedishName: "schema",
        EnglishName: "schedule",
        SwedishDescription: "Visar och ändrar teamets rutiner: vilken kanal, vilka dagar och tider.",
        EnglishDescription: "Shows and changes the team's routines: which channel, which days and times.",
        Audience: CommandAudience.TeamLeaders);

    public async Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        // The route admits the command in a team only.
        var card = await editor.ListAsync(context.TeamId!, context.Language, null, cancellationToken);
        await context.Turn.ReplyAsync(new Activity { Attachments = [Attachment.AdaptiveCard(card)] }, cancellationToken);
    }
}
