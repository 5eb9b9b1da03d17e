using SofSBot.BotFramework.Activities;
using SofSBot.BotFramework.Connector;
using SofSBot.Commands;

namespace SofSBot.Roles;

internal static class LeaderCommandReplies
{
    /// <summary>Answers the command with a short markdown text, in its thread.</summary>
    public static Task<ResourceResponse> ReplyTextAsync(this CommandContext context, string text, CancellationToken cancellationToken) =>
        context.Turn.ReplyAsync(new Activity { Text = text, TextFormat = "markdown" }, cancellationToken);
}
