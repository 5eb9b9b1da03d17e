using SofSBot.Localization;

namespace SofSBot.TeamsEvents;

internal sealed record WelcomeTexts(
    string TeamGreeting,
    string TeamGreetingWithoutName,
    string TeamHowToStart,
    string MemberGreeting,
    string MemberGreetingWithoutTeam,
    string MemberIntroduction,
    string MemberHowToStart,
    string ShowHelp)
{
    public static WelcomeTexts Swedish { get; } = new(
        TeamGreeting: "Hej {0}! Jag är SofSBot.",
        TeamGreetingWithoutName: "Hej! Jag är SofSBot.",
        TeamHowToStart: "Teamledare bestämmer vilka rutiner jag lägger upp och i vilken kanal. Alla kan skriva **@SofSBot hjälp** för att se vad jag kan.",
        MemberGreeting: "Välkommen till {0}!",
        MemberGreetingWithoutTeam: "Välkommen!",
        MemberIntroduction: "Jag är SofSBot. Teamet arbetar med **Signs of Safety**: ett lösningsfokuserat och säkerhetsorienterat arbetssätt där vi samarbetar med familjen och deras nätverk kring barnets säkerhet. Vi håller det levande med några små rutiner på teammötet:",
        MemberHowToStart: "Skriv **hjälp** här i chatten för att se vad jag kan.",
        ShowHelp: "Visa hjälp");

    public static WelcomeTexts English { get; } = new(
        TeamGreeting: "Hello {0}! I'm SofSBot.",
        TeamGreetingWithoutName: "Hello! I'm SofSBot.",
        TeamHowToStart: "Team leaders decide which routines I post and in which channel. Anyone can write **@SofSBot help** to see what I can do.",
        MemberGreeting: "Welcome to {0}!",
        MemberGreetingWithoutTeam: "Welcome!",
        MemberIntroduction: "I'm SofSBot. The team works with **Signs of Safety**: a solution-focused, safety-oriented way of working together with the family and their network around the child's safety. We keep it alive with a few small routines at the team meeting:",
        MemberHowToStart: "Type **help** here in the chat to see what I can do.",
        ShowHelp: "Show help");

    public static WelcomeTexts For(Language language) => language == Language.English ? English : Swedish;
}
