using System.Reflection;
using SofSBot.Commands;
using SofSBot.Help;
using SofSBot.Roles;

namespace SofSBot.Tests.Cards;

/// <summary>The help card as each role sees it, in both languages, listing the bot's real commands.</summary>
internal sealed class HelpCardSamples : ICardSamples
{
    private static readonly (string Name, UserRoles Roles)[] Views =
    [
        ("member", UserRoles.Member),
        ("leader", new UserRoles(IsTeamLeader: true, IsCoordinator: false)),
        ("coordinator", new UserRoles(IsTeamLeader: false, IsCoordinator: true)),
    ];

    public IEnumerable<CardSample> Samples()
    {
        var commands = BotCommands();
        return Views.SelectMany(view => LanguageSamples.InEveryLanguage(
            $"help-{view.Name}",
            $"The help card a {view.Name} gets for `hjälp` or `help`",
            language => HelpCard.Create(language, view.Roles, commands)));
    }

    /// <summary>
    /// Every command the bot has, so the samples show the real list. Only <see cref="IBotCommand.Info"/>
    /// is read, so the commands' services are left out (null).
    /// </summary>
    private static List<IBotCommand> BotCommands() =>
    [
        .. typeof(IBotCommand).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IBotCommand).IsAssignableFrom(type))
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .Select(type => type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance).Single())
            .Select(constructor => (IBotCommand)constructor.Invoke(new object?[constructor.GetParameters().Length])),
    ];
}
