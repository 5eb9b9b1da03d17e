using System.Globalization;
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
    string? TeamId);
