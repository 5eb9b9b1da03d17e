using SofSBot.BotFramework.Hosting;
using SofSBot.CardActions;
using SofSBot.Commands;
using SofSBot.Help;
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

        services.AddSingleton<IBotCommand, HelpCommand>();
        services.AddSingleton<ICardActionHandler, ShowHelpCardAction>();

        services.AddSingleton<IBotCommand, LeadersCommand>();
        services.AddSingleton<IBotCommand, AddLeaderCommand>();
        services.AddSingleton<IBotCommand, RemoveLeaderCommand>();
        return builder;
    }
}
