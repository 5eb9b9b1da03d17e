namespace SofSBot.TestSupport;

/// <summary>Finds the repository (the folder with SofSBot.sln) and the npm tools installed in it.</summary>
public static class RepositoryPaths
{
    private const string SolutionFileName = "SofSBot.sln";

    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The repository root.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary><c>node_modules</c> at the repository root (may not exist; see <see cref="RequireNodeModules"/>).</summary>
    public static string NodeModules => Path.Combine(Root, "node_modules");

    /// <summary><c>node_modules/.bin</c> at the repository root.</summary>
    public static string NodeModulesBin => Path.Combine(NodeModules, ".bin");

    /// <summary>The demo tenant used by scripts/run-local.sh.</summary>
    public static string PlaygroundConfigFile => Path.Combine(Root, ".m365agentsplayground.yml");

    /// <summary>A path below the repository root.</summary>
    public static string Combine(params string[] relativeParts)
    {
        ArgumentNullException.ThrowIfNull(relativeParts);
        return Path.Combine([Root, .. relativeParts]);
    }

    /// <summary>Fails with a clear instruction when the npm tools have not been installed.</summary>
    public static void RequireNodeModules()
    {
        if (!Directory.Exists(NodeModules))
        {
            throw new InvalidOperationException(
                $"'{NodeModules}' is missing, so Azurite and the Agents Playground cannot start. " +
                "Run 'npm ci' in the repository root (scripts/test.sh does this for you).");
        }
    }

    private static string FindRoot()
    {
        // Tests run from bin/<config>/<tfm>; walk up until the solution file appears.
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(
            $"Could not find {SolutionFileName} in '{AppContext.BaseDirectory}' or any folder above it.");
    }
}
