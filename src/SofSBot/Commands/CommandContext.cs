using System.Globalization;
using SofSBot.BotFramework.Hosting;
using SofSBot.Localization;
using SofSBot.Roles;

namespace SofSBot.Commands;

/// <summary>One command call: the turn, the caller's language and roles, and the text after the command word.</summary>
internal sealed record CommandContext(
    TurnContext Turn,
    Language Language,
    CultureInfo Culture,
    UserRoles Roles,
    string? TeamId,
    string Arguments);
