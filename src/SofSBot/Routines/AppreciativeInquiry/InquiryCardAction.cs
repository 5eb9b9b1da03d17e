using SofSBot.CardActions;
using SofSBot.Roles;

namespace SofSBot.Routines.AppreciativeInquiry;

/// <summary>One button (or the refresh) of the appreciative-inquiry card; open to every member.</summary>
internal sealed class InquiryCardAction(string verb, InquiryCardActions actions) : ICardActionHandler
{
    public string Verb { get; } = verb;

    public CommandAudience Audience => CommandAudience.Everyone;

    public Task<CardActionResult> HandleAsync(CardActionContext context, CancellationToken cancellationToken) =>
        actions.HandleAsync(context, cancellationToken);
}
