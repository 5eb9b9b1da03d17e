namespace SofSBot.TestSupport;

/// <summary>
/// The demo tenant of the repository's Agents Playground config (<c>tenantId:</c> in
/// .m365agentsplayground.yml): the bot must list it in <c>Bot:AllowedTenants</c>, since it takes
/// activities from allowed tenants only, locally too.
/// </summary>
public static class PlaygroundDemoTenant
{
    private static readonly Lazy<string> LazyId = new(() =>
        File.ReadLines(RepositoryPaths.PlaygroundConfigFile)
            .Where(line => line.StartsWith("tenantId:", StringComparison.Ordinal))
            .Select(line => line["tenantId:".Length..].Trim().Trim('"', '\''))
            .FirstOrDefault(id => id.Length > 0)
        ?? throw new InvalidOperationException($"No top-level tenantId in {RepositoryPaths.PlaygroundConfigFile}."));

    public static string Id => LazyId.Value;
}
