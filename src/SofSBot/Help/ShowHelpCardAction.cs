using SofSBot.CardActions;
using SofSBot.Commands;
using SofSBot.Roles;

namespace SofSBot.Help;

/// <summary>The "Visa hjälp" / "Show help" button: shows the help card to the user who pressed it.</summary>
internal sealed class ShowHelpCardAction(CommandTable commands) : ICardActionHandler
{
    public const string HelpVerb = "help";

    public string Verb => HelpVerb;

    public CommandAudience Audience => CommandAudience.Everyone;

    public Task<CardActionResult> HandleAsync(CardActionContext context, CancellationToken cancellationToken) =>
        Task.FromResult(CardActionResult.ShowCard(HelpCard.Create(context.Language, context.Roles, commands.Commands)));
}
