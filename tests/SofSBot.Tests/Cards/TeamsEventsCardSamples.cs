using SofSBot.Localization;
using SofSBot.TeamsEvents;

namespace SofSBot.Tests.Cards;

/// <summary>The greetings: in the team when the bot is added, and to each new member in a personal chat.</summary>
internal sealed class TeamsEventsCardSamples : ICardSamples
{
    public IEnumerable<CardSample> Samples()
    {
        foreach (var language in Enum.GetValues<Language>())
        {
            yield return new CardSample(
                $"welcome-team-{language.Code()}",
                $"Posted in the team's General channel when SofSBot is added, in {language}.",
                WelcomeCards.ForTeam(language, "Socialtjänsten Barn och unga Öst"));
            yield return new CardSample(
                $"welcome-member-{language.Code()}",
                $"Sent in a personal chat to each member of a team that has SofSBot, in {language}.",
                WelcomeCards.ForMember(language, "Socialtjänsten Barn och unga Öst"));
        }

        yield return new CardSample(
            "welcome-team-without-name-sv",
            "The team greeting when Teams did not tell the team's name.",
            WelcomeCards.ForTeam(Language.Swedish, teamName: null));
        yield return new CardSample(
            "welcome-member-without-team-sv",
            "The member greeting when Teams did not tell the team's name.",
            WelcomeCards.ForMember(Language.Swedish, teamName: null));
    }
}
