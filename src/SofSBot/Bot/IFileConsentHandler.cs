using SofSBot.BotFramework.Hosting;
using SofSBot.BotFramework.Invoke;

namespace SofSBot.Bot;

/// <summary>Handles the user's answer to a file the bot offered with a FileConsentCard.</summary>
internal interface IFileConsentHandler
{
    Task HandleAsync(TurnContext turn, FileConsentInvoke consent, CancellationToken cancellationToken);
}
