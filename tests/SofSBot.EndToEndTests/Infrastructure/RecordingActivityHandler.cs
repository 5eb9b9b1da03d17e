using SofSBot.BotFramework.Hosting;
using SofSBot.BotFramework.Invoke;

namespace SofSBot.EndToEndTests.Infrastructure;

/// <summary>
/// Wraps the bot's real activity handler and notes each activity once the bot is done with it, so a
/// test knows when the bot has finished answering (e.g. both installation activities) instead of
/// sleeping. Changes nothing about what the bot does.
/// </summary>
internal sealed class RecordingActivityHandler(IActivityHandler inner, HandledActivities handled) : IActivityHandler
{
    public async Task<InvokeResponse?> OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        try
        {
            return await inner.OnTurnAsync(turn, cancellationToken);
        }
        finally
        {
            var activity = turn.Activity;
            handled.Add(new HandledActivity(activity.Type, activity.Name, turn.ConversationId, activity.Text));
        }
    }
}
