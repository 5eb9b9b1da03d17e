using SofSBot.BotFramework.Cards;
using SofSBot.Commands;
using SofSBot.Localization;
using SofSBot.Roles;

namespace SofSBot.Help;

/// <summary>The help card: what the bot does and the commands open to the reader's role.</summary>
internal static class HelpCard
{
    public static AdaptiveCard Create(Language language, UserRoles roles, IEnumerable<IBotCommand> commands)
    {
        var texts = HelpTexts.For(language);
        var intro = SofsIntroTexts.For(language);
        var available = commands.Where(command => roles.Allows(command.Info.Audience)).ToList();

        List<CardElement> body =
        [
            TextBlock.Heading(texts.Title),
            new TextBlock(intro.Routines),
            .. intro.RoutineLines.Select(line => new TextBlock("• " + line) { Spacing = Spacing.Small }),
            new TextBlock(texts.CommandsHeading) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium },
            new FactSet([.. available.Select(command => new Fact(command.Info.NameIn(language), command.Info.DescriptionIn(language)))]),
            new TextBlock(texts.InChannel) { Spacing = Spacing.Medium },
            TextBlock.Subtle($"{texts.YourRole}: {RoleName(texts, roles)}"),
            new TextBlock(intro.NoClientData) { Color = TextColor.Attention, Size = TextSize.Small },
        ];

        return new AdaptiveCard
        {
            Body = body,
            Lang = language.Code(),
            FallbackText = texts.Title,
        };
    }

    private static string RoleName(HelpTexts texts, UserRoles roles) =>
        roles.IsCoordinator ? texts.Coordinator : roles.IsTeamLeader ? texts.TeamLeader : texts.Member;
}
