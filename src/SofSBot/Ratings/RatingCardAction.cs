using SofSBot.CardActions;
using SofSBot.Roles;

namespace SofSBot.Ratings;

/// <summary>One button of the rating cards, with who may press it.</summary>
internal sealed class RatingCardAction(
    string verb, CommandAudience audience, Func<CardActionContext, CancellationToken, Task<CardActionResult>> handle) : ICardActionHandler
{
    public string Verb { get; } = verb;

    public CommandAudience Audience { get; } = audience;

    public Task<CardActionResult> HandleAsync(CardActionContext context, CancellationToken cancellationToken) => handle(context, cancellationToken);
}
