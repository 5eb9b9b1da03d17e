using System.Globalization;
using SofSBot.BotFramework.Activities;
using SofSBot.BotFramework.Hosting;
using SofSBot.BotFramework.Invoke;
using SofSBot.Localization;
using SofSBot.Roles;

namespace SofSBot.CardActions;

/// <summary>One card action: the turn, the action and its data, and who acted in which language.</summary>
internal sealed record CardActionContext(
    TurnContext Turn,
    AdaptiveCardAction Action,
    Language Language,
    CultureInfo Culture,
    UserRoles Roles,
    string? TeamId)
{
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
