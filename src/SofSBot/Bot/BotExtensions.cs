using SofSBot.BotFramework.Hosting;
using SofSBot.Commands;
using SofSBot.Help;
using SofSBot.Privacy;
using SofSBot.Roles;
using SofSBot.Routing;
using SofSBot.Storage;
using SofSBot.TeamsEvents;

namespace SofSBot.Bot;

internal static class BotExtensions
{
    /// <summary>The conversation features: Teams events, the command table, card actions, help and the team-leader commands.</summary>
    public static IHostApplicationBuilder AddConversation(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IActivityHandler, ActivityRouter>();
        services.AddSingleton<RouteTable>();
        services.AddSingleton<CommandTable>();

        services.AddSingleton<IClaimStore, TableClaimStore>();
        services.AddSingleton<ITeamStore, TableTeamStore>();
        services.AddSingleton<TeamsEventHandler>();

        // The welcome claim ({tenant}|{Entra id}) records that the person was greeted.
        services.AddSingleton<IPersonalDataSource>(provider => new ClaimPersonalData(
            provider.GetRequiredService<IClaimStore>(),
            TeamsEventHandler.WelcomeClaimScope,
            ClaimPersonalData.LastPart,
            claim => ClaimPersonalData.Item(
                new("Välkomstmeddelande", "Welcome message"),
                new("Du fick botens välkomstmeddelande i en personlig chatt", "You got the bot's welcome message in a personal chat"),
                claim)));

        services.Routes().MapConversation();
        return builder;
    }

    /// <summary>Help (which lists what the user may do, so it reads roles) and the coordinators' leader commands.</summary>
    public static BotRoutes MapConversation(this BotRoutes routes) => routes
        .OnCommand<HelpCommand>(needsRoles: true)
        .OnAction<ShowHelpCardAction>(ShowHelpCardAction.HelpVerb, CommandAudience.Everyone, RouteScope.Anywhere, actions => actions.ShowAsync, needsRoles: true)
        .OnCommand<LeadersCommand>(RouteScope.TeamChannel(language => LeaderTexts.For(language).OnlyInTeamChannel))
        .OnCommand<AddLeaderCommand>()
        .OnCommand<RemoveLeaderCommand>();
}
