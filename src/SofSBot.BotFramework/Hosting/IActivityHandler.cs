using SofSBot.BotFramework.Invoke;

namespace SofSBot.BotFramework.Hosting;

/// <summary>The application's side of a turn: what the bot does with one authenticated activity.</summary>
public interface IActivityHandler
{
    /// <summary>
    /// Handles the activity. For an invoke the returned response is sent back to Teams; for
    /// anything else return null and answer through <see cref="TurnContext"/>.
    /// </summary>
    Task<InvokeResponse?> OnTurnAsync(TurnContext turn, CancellationToken cancellationToken);
}
