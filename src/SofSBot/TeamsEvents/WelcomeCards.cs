using System.Globalization;
using SofSBot.BotFramework.Cards;
using SofSBot.Help;
using SofSBot.Localization;

namespace SofSBot.TeamsEvents;

/// <summary>The greeting posted in a team when SofSBot is added, and the one sent to each new member.</summary>
internal static class WelcomeCards
{
    public static AdaptiveCard ForTeam(Language language, string? teamName)
    {
        var texts = WelcomeTexts.For(language);
        var intro = SofsIntroTexts.For(language);
        var greeting = string.IsNullOrWhiteSpace(teamName)
            ? texts.TeamGreetingWithoutName
            : string.Format(CultureInfo.InvariantCulture, texts.TeamGreeting, Markdown.Escape(teamName));

        return new AdaptiveCard
        {
            Body =
            [
                TextBlock.Heading(greeting),
                new TextBlock(intro.Routines),
                .. intro.RoutineLines.Select(line => new TextBlock("• " + line) { Spacing = Spacing.Small }),
                new TextBlock(texts.TeamHowToStart) { Spacing = Spacing.Medium },
                new TextBlock(intro.NoClientData) { Color = TextColor.Attention, Size = TextSize.Small },
            ],
            Actions = [ActionExecute.WithSubmitFallback(texts.ShowHelp, ShowHelpCardAction.HelpVerb)],
            Lang = language.Code(),
            FallbackText = greeting,
        };
    }

    public static AdaptiveCard ForMember(Language language, string? teamName)
    {
        var texts = WelcomeTexts.For(language);
        var intro = SofsIntroTexts.For(language);
        var greeting = string.IsNullOrWhiteSpace(teamName)
            ? texts.MemberGreetingWithoutTeam
            : string.Format(CultureInfo.InvariantCulture, texts.MemberGreeting, Markdown.Escape(teamName));

        return new AdaptiveCard
        {
            Body =
            [
                TextBlock.Heading(greeting),
                new TextBlock(texts.MemberIntroduction),
                .. intro.RoutineLines.Select(line => new TextBlock("• " + line) { Spacing = Spacing.Small }),
                new TextBlock(texts.MemberHowToStart) { Spacing = Spacing.Medium },
                new TextBlock(intro.NoClientData) { Color = TextColor.Attention, Size = TextSize.Small },
            ],
            Actions = [ActionExecute.WithSubmitFallback(texts.ShowHelp, ShowHelpCardAction.HelpVerb)],
            Lang = language.Code(),
            FallbackText = greeting,
        };
    }
}
