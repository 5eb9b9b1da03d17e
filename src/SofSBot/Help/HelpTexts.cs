using SofSBot.Localization;

namespace SofSBot.Help;

internal sealed record HelpTexts(
    string Title,
    string CommandsHeading,
    string InChannel,
    string YourRole,
    string Member,
    string TeamLeader,
    string Coordinator,
    string HelpDescription)
{
    public static HelpTexts Swedish { get; } = new(
        Title: "Så använder du SofSBot",
        CommandsHeading: "Det här kan du skriva till mig",
        InChannel: "I en kanal skriver du **@SofSBot** före kommandot; i chatten med mig räcker kommandot.",
        YourRole: "Din roll",
        Member: "teammedlem",
        TeamLeader: "teamledare",
        Coordinator: "samordnare",
        HelpDescription: "Visar den här hjälpen.");

    public static HelpTexts English { get; } = new(
        Title: "How to use SofSBot",
        CommandsHeading: "What you can write to me",
        InChannel: "In a channel, write **@SofSBot** before the command; in our chat the command is enough.",
        YourRole: "Your role",
        Member: "team member",
        TeamLeader: "team leader",
        Coordinator: "coordinator",
        HelpDescription: "Shows this help.");

    public static HelpTexts For(Language language) => language == Language.English ? English : Swedish;
}
