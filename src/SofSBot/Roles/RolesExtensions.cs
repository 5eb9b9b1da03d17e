namespace SofSBot.Roles;

internal static class RolesExtensions
{
    public static IHostApplicationBuilder AddRoles(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RolesOptions>().BindConfiguration(RolesOptions.SectionName);
        builder.Services.AddSingleton<IRoleResolver, ConfiguredRoleResolver>();
        return builder;
    }
}
