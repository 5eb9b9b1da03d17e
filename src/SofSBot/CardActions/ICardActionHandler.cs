using SofSBot.Roles;

namespace SofSBot.CardActions;

/// <summary>Handles one card verb, from an Action.Execute invoke or its Action.Submit fallback alike.</summary>
internal interface ICardActionHandler
{
    string Verb { get; }

    CommandAudience Audience { get; }

    Task<CardActionResult> HandleAsync(CardActionContext context, CancellationToken cancellationToken);
}
