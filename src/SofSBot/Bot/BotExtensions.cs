using SofSBot.BotFramework.Hosting;
using SofSBot.CardActions;
using SofSBot.Commands;
using SofSBot.Help;
using SofSBot.Privacy;
using SofSBot.Roles;
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

        services.AddSingleton<IBotCommand, HelpCommand>();
        services.AddSingleton<ICardActionHandler, ShowHelpCardAction>();

        services.AddSingleton<IBotCommand, LeadersCommand>();
        services.AddSingleton<IBotCommand, AddLeaderCommand>();
        services.AddSingleton<IBotCommand, RemoveLeaderCommand>();
        return builder;
    }
}
