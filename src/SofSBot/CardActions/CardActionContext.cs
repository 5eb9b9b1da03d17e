using System.Globalization;
using SofSBot.BotFramework.Activities;
using SofSBot.BotFramework.Hosting;
using SofSBot.BotFramework.Invoke;
using SofSBot.Localization;
using SofSBot.Roles;

namespace SofSBot.CardActions;

/// <summary>One card action: the turn, the action and its data, and who acted in which language.</summary>
/// <param name="ResolvedRoles">
/// The user's roles, read only when the route needs them (its audience, or <c>needsRoles</c>); null
/// otherwise, so that a member's click never reads the leaders table or Microsoft Graph.
/// </param>
internal sealed record CardActionContext(
    TurnContext Turn,
    AdaptiveCardAction Action,
    Language Language,
    CultureInfo Culture,
    UserRoles? ResolvedRoles,
    string? TeamId)
{
    /// <summary>The user's roles; only for routes that declared they need them.</summary>
    public UserRoles Roles => ResolvedRoles
        ?? throw new InvalidOperationException($"The route of '{Action.Verb}' reads roles: map it with a leader or coordinator audience, or needsRoles.");

    /// <summary>
    /// True for <c>Action.Execute</c> (the answer replaces the card for the acting user); false for the
    /// <c>Action.Submit</c> fallback of older clients, where a card answer arrives as a new message.
    /// </summary>
    public bool IsInvoke => Turn.Activity.Type == ActivityTypes.Invoke;

    /// <summary>The acting user's Teams id (<c>29:…</c>), as Teams authenticated it; never taken from card data.</summary>
    public string UserId => Turn.Activity.From?.Id ?? string.Empty;

    /// <summary>The acting user's display name as Teams sent it.</summary>
    public string UserName => Turn.Activity.From?.Name ?? string.Empty;
}
