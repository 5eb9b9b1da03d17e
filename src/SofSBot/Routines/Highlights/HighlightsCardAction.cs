using SofSBot.CardActions;
using SofSBot.Roles;

namespace SofSBot.Routines.Highlights;

/// <summary>One button (or the refresh) of the highlights card; open to every member.</summary>
internal sealed class HighlightsCardAction(string verb, HighlightsActions actions) : ICardActionHandler
{
    public string Verb { get; } = verb;

    public CommandAudience Audience => CommandAudience.Everyone;

    public Task<CardActionResult> HandleAsync(CardActionContext context, CancellationToken cancellationToken) =>
        actions.HandleAsync(context, cancellationToken);
}
