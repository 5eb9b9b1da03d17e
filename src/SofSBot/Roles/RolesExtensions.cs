using Microsoft.Extensions.Options;

namespace SofSBot.Roles;

internal static class RolesExtensions
{
    /// <summary>
    /// Roles: coordinators from configuration, team leaders named by coordinators (Table Storage) or
    /// owning the team in Teams (Microsoft Graph). Needs the protocol layer (bot identity and token
    /// source), table storage and the team store.
    /// </summary>
    public static IHostApplicationBuilder AddRoles(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RolesOptions>()
            .BindConfiguration(RolesOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // The read has its own time limit (GraphTimeout); the client's is a backstop.
        services.AddHttpClient(GraphTeamOwnerDirectory.HttpClientName, (provider, client) =>
            client.Timeout = provider.GetRequiredService<IOptions<RolesOptions>>().Value.GraphTimeout + TimeSpan.FromSeconds(5));
        services.AddSingleton<ITeamOwnerDirectory, GraphTeamOwnerDirectory>();
        services.AddSingleton<TeamOwnerCache>();
        services.AddSingleton<INamedLeaderStore, TableNamedLeaderStore>();
        services.AddSingleton<Privacy.IPersonalDataSource, NamedLeaderPersonalData>();
        services.AddSingleton<IRoleResolver, TeamRoleResolver>();
        return builder;
    }
}
