using SofSBot.Localization;

namespace SofSBot.Roles;

/// <summary>The texts of the coordinators' team-leader commands; <c>{0}</c> is a person's name.</summary>
internal sealed record LeaderTexts(
    string ListDescription,
    string AddDescription,
    string RemoveDescription,
    string OnlyInTeamChannel,
    string ListHeading,
    string NoneNamed,
    string OwnersLeadToo,
    string WhoUsage,
    string NotInTeam,
    string Added,
    string AlreadyNamed,
    string Removed,
    string NotNamed)
{
    public static LeaderTexts Swedish { get; } = new(
        ListDescription: "Visar vilka du har utsett till teamledare i teamet.",
        AddDescription: "Utser en person till teamledare i teamet: **teamledare lägg till @namn**.",
        RemoveDescription: "Tar bort en utsedd teamledare: **teamledare ta bort @namn**.",
        OnlyInTeamChannel: "Det här gäller ett team: skriv det i en kanal i teamet, efter **@SofSBot**.",
        ListHeading: "Utsedda teamledare i teamet:",
        NoneNamed: "Ingen är utsedd till teamledare i teamet.",
        OwnersLeadToo: "Teamets ägare i Teams är alltid teamledare.",
        WhoUsage: "Nämn personen med @, till exempel **@SofSBot teamledare lägg till @Anna Andersson**, eller skriv personens objekt-id i Entra.",
        NotInTeam: "Jag hittar inte {0} bland teamets medlemmar.",
        Added: "{0} är nu teamledare i teamet.",
        AlreadyNamed: "{0} är redan utsedd till teamledare i teamet.",
        Removed: "{0} är inte längre utsedd teamledare i teamet.",
        NotNamed: "{0} är inte utsedd till teamledare i teamet, så det fanns inget att ta bort.");

    public static LeaderTexts English { get; } = new(
        ListDescription: "Shows whom you have named leaders of the team.",
        AddDescription: "Names a person leader of the team: **leaders add @name**.",
        RemoveDescription: "Removes a named team leader: **leaders remove @name**.",
        OnlyInTeamChannel: "This is about a team: write it in one of the team's channels, after **@SofSBot**.",
        ListHeading: "Named leaders of the team:",
        NoneNamed: "Nobody has been named leader of the team.",
        OwnersLeadToo: "The team's owners in Teams are always team leaders.",
        WhoUsage: "Mention the person with @, for example **@SofSBot leaders add @Anna Andersson**, or write their Entra object id.",
        NotInTeam: "I can't find {0} among the team's members.",
        Added: "{0} is now a leader of the team.",
        AlreadyNamed: "{0} is already a named leader of the team.",
        Removed: "{0} is no longer a named leader of the team.",
        NotNamed: "{0} is not a named leader of the team, so there was nothing to remove.");

    public static LeaderTexts For(Language language) => language == Language.English ? English : Swedish;
}
