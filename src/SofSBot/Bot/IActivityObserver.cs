using SofSBot.BotFramework.Hosting;

namespace SofSBot.Bot;

/// <summary>
/// Sees every incoming activity before it is routed, e.g. to remember where a user is reached.
/// Best effort: a failure is logged and the activity is handled as if nothing had observed it.
/// </summary>
internal interface IActivityObserver
{
    Task ObserveAsync(TurnContext turn, CancellationToken cancellationToken);
}
