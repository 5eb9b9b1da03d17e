using SofSBot.Localization;

namespace SofSBot.Bot;

/// <summary>The bot's short answers outside any feature.</summary>
internal sealed record ConversationTexts(
    string NotUnderstoodInChat,
    string NotUnderstoodInChannel,
    string OnlyForTeamLeaders,
    string LeadershipUnknown,
    string OnlyForCoordinators,
    string SomethingWentWrong,
    string UnknownCardAction,
    string OnlyInTeam,
    string OnlyInPersonalChat)
{
    public static ConversationTexts Swedish { get; } = new(
        NotUnderstoodInChat: "Det där förstod jag inte. Skriv **hjälp** så visar jag vad jag kan.",
        NotUnderstoodInChannel: "Det där förstod jag inte. Skriv **@SofSBot hjälp** så visar jag vad jag kan.",
        OnlyForTeamLeaders: "Det kan bara teamets teamledare göra.",
        LeadershipUnknown: "Jag kunde inte kontrollera just nu om du är teamledare (Microsoft Graph svarade inte), så ingenting har ändrats. Försök igen om en stund.",
        OnlyForCoordinators: "Det kan bara samordnare göra.",
        SomethingWentWrong: "Något gick fel hos mig och ingenting sparades. Försök igen om en stund.",
        UnknownCardAction: "Den här knappen känner jag inte längre igen. Skriv hjälp för att se vad jag kan.",
        OnlyInTeam: "Det fungerar bara i en kanal i teamet.",
        OnlyInPersonalChat: "Det fungerar bara i den personliga chatten med mig.");

    public static ConversationTexts English { get; } = new(
        NotUnderstoodInChat: "I didn't understand that. Type **help** to see what I can do.",
        NotUnderstoodInChannel: "I didn't understand that. Type **@SofSBot help** to see what I can do.",
        OnlyForTeamLeaders: "Only the team's leaders can do that.",
        LeadershipUnknown: "I could not check right now whether you lead this team (Microsoft Graph did not answer), so nothing was changed. Please try again in a moment.",
        OnlyForCoordinators: "Only coordinators can do that.",
        SomethingWentWrong: "Something went wrong on my side and nothing was saved. Please try again in a moment.",
        UnknownCardAction: "I no longer recognise this button. Type help to see what I can do.",
        OnlyInTeam: "That works only in a channel of the team.",
        OnlyInPersonalChat: "That works only in the personal chat with me.");

    public static ConversationTexts For(Language language) => language == Language.English ? English : Swedish;
}
