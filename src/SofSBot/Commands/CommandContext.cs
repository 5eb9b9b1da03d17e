using System.Globalization;
using SofSBot.BotFramework.Hosting;
using SofSBot.Localization;
using SofSBot.Roles;

namespace SofSBot.Commands;

/// <summary>One command call: the turn, the caller's language and roles, and the text after the command word.</summary>
/// <param name="ResolvedRoles">The caller's roles, read only when the command's route needs them.</param>
internal sealed record CommandContext(
    TurnContext Turn,
    Language Language,
    CultureInfo Culture,
    UserRoles? ResolvedRoles,
    string? TeamId,
    string Arguments)
{
    /// <summary>The caller's roles; only for commands whose route reads them.</summary>
    public UserRoles Roles => ResolvedRoles
        ?? throw new InvalidOperationException("This command's route reads no roles: give it a leader or coordinator audience, or needsRoles.");
}
