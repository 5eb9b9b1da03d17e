using SofSBot.CardActions;
using SofSBot.Roles;

namespace SofSBot.Routines.CaseSupervision;

/// <summary>One button (or the refresh) of the case-supervision card; open to every member.</summary>
internal sealed class CaseSupervisionCardAction(string verb, CaseSupervisionActions actions) : ICardActionHandler
{
    public string Verb { get; } = verb;

    public CommandAudience Audience => CommandAudience.Everyone;

    public Task<CardActionResult> HandleAsync(CardActionContext context, CancellationToken cancellationToken) =>
        actions.HandleAsync(context, cancellationToken);
}
