using SofSBot.BotFramework.Activities;
using SofSBot.Bot;
using SofSBot.Localization;

namespace SofSBot.Routing;

/// <summary>
/// Where a route may be used, checked once before its handler: anywhere, in a team (a channel or a
/// team chat, where the turn carries the team) or in the personal chat with the bot. A refusal answers
/// in the user's language, in the feature's own words when the route gives them.
/// </summary>
internal sealed record RouteScope(RouteScopeKind Kind, Func<Language, string> Refusal)
{
    public static RouteScope Anywhere { get; } = new(RouteScopeKind.Anywhere, language => string.Empty);

    /// <summary>In a team: the turn names the team and its sender, whom the handler then acts in and for.</summary>
    public static RouteScope TeamChannel(Func<Language, string>? refusal = null) =>
        new(RouteScopeKind.TeamChannel, refusal ?? (language => ConversationTexts.For(language).OnlyInTeam));

    /// <summary>In the personal chat with the bot, where nobody else sees the answer.</summary>
    public static RouteScope PersonalChat(Func<Language, string>? refusal = null) =>
        new(RouteScopeKind.PersonalChat, refusal ?? (language => ConversationTexts.For(language).OnlyInPersonalChat));

    /// <summary>The one test for "personal chat?".</summary>
    public static bool IsPersonalChat(Activity activity) => activity.Conversation?.ConversationType == "personal";

    public bool Admits(Activity activity, string? teamId) => Kind switch
    {
        RouteScopeKind.TeamChannel => teamId is { Length: > 0 } && activity.From?.Id is { Length: > 0 },
        RouteScopeKind.PersonalChat => IsPersonalChat(activity),
        _ => true,
    };
}
