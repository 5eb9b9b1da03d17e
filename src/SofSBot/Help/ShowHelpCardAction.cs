using SofSBot.CardActions;
using SofSBot.Commands;

namespace SofSBot.Help;

/// <summary>The "Visa hjälp" / "Show help" button: shows the help card to the user who pressed it.</summary>
internal sealed class ShowHelpCardAction(CommandTable commands)
{
    public const string HelpVerb = "help";

    /// <summary>Lists what the user may do, so its route reads roles (<c>needsRoles</c>).</summary>
    public Task<CardActionResult> ShowAsync(CardActionContext context, CancellationToken cancellationToken) =>
        Task.FromResult(CardActionResult.ShowCard(HelpCard.Create(context.Language, context.Roles, commands.Commands)));
}
