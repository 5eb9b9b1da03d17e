using SofSBot.Localization;
using SofSBot.TeamsEvents;

namespace SofSBot.Tests.Cards;

/// <summary>The greetings: in the team when the bot is added, and to each new member in a personal chat.</summary>
internal sealed class TeamsEventsCardSamples : ICardSamples
{
    private const string TeamName = "Socialtjänsten Barn och unga Öst";

    public IEnumerable<CardSample> Samples() =>
    [
        .. LanguageSamples.InEveryLanguage(
            "welcome-team",
            "Posted in the team's General channel when SofSBot is added",
            language => WelcomeCards.ForTeam(language, TeamName)),
        .. LanguageSamples.InEveryLanguage(
            "welcome-member",
            "Sent in a personal chat to each member of a team that has SofSBot",
            language => WelcomeCards.ForMember(language, TeamName)),
        new CardSample(
            "welcome-team-without-name-sv",
            "The team greeting when Teams did not tell the team's name",
            WelcomeCards.ForTeam(Language.Swedish, teamName: null)),
        new CardSample(
            "welcome-member-without-team-sv",
            "The member greeting when Teams did not tell the team's name",
            WelcomeCards.ForMember(Language.Swedish, teamName: null)),
    ];
}
