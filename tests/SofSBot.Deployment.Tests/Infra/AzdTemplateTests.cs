using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SofSBot.Deployment.Tests.Support;
using SofSBot.TestSupport;

namespace SofSBot.Deployment.Tests.Infra;

/// <summary>
/// azure.yaml, infra/main.parameters.json and the README's deploy steps against the Bicep: what
/// `azd up` reads must exist, and what an admin has to set must be written down.
/// </summary>
public sealed partial class AzdTemplateTests
{
    private static readonly BicepFile Main = BicepFile.Load("main.bicep");
    private static readonly BicepFile Web = BicepFile.Load("modules", "web.bicep");

    [Fact]
    public void Azd_deploys_the_bot_project_to_the_web_app_the_templates_create()
    {
        var azureYaml = File.ReadAllText(RepositoryPaths.Combine("azure.yaml"));
        var service = Service().Match(azureYaml);
        Assert.True(service.Success, "azure.yaml has no service with project, language and host.");

        Assert.Equal("dotnet", service.Groups["language"].Value);
        Assert.Equal("appservice", service.Groups["host"].Value);
        var project = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, service.Groups["project"].Value));
        Assert.Contains("Sdk=\"Microsoft.NET.Sdk.Web\"", File.ReadAllText(Path.Combine(project, "SofSBot.csproj")), StringComparison.Ordinal);
        // azd finds the App Service to deploy to by this tag.
        Assert.Equal(service.Groups["name"].Value, Web.PropertyValue("azd-service-name"));
        Assert.Matches(@"(?m)^\s+path:\s*infra\s*$", azureYaml);
        Assert.Matches(@"(?m)^\s+module:\s*main\s*$", azureYaml);
    }

    [Fact]
    public void Parameters_file_sets_only_parameters_of_main_bicep_and_all_it_requires()
    {
        var declared = Main.Parameters;
        var set = ParameterFile()["parameters"]!.AsObject().Select(parameter => parameter.Key).ToList();

        Assert.Empty(set.Except(declared.Keys));
        Assert.Empty(declared.Where(parameter => !parameter.Value).Select(parameter => parameter.Key).Except(set).Except(Main.AzdGeneratedParameters));
        // What azd generates must not be set from the environment too: an empty variable would replace it.
        Assert.Empty(set.Intersect(Main.AzdGeneratedParameters));
        Assert.Contains("exportPseudonymSecret", Main.AzdGeneratedParameters);
    }

    [Fact]
    public void Readme_explains_every_azd_variable_the_deployment_reads()
    {
        var readme = DeploySection();
        var variables = EnvironmentReference().Matches(ParameterFile().ToJsonString())
            .Select(match => match.Groups["name"].Value)
            .Where(name => !name.StartsWith("AZURE_", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(variables);
        Assert.All(variables, name => Assert.Contains(name, readme, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_value_the_teams_package_needs_comes_from_azd_up_or_is_set_as_the_readme_says()
    {
        var readme = DeploySection();
        var outputs = Main.OutputNames;
        var placeholders = Directory.GetFiles(RepositoryPaths.Combine("manifest"), "*.json")
            .SelectMany(file => Placeholder().Matches(File.ReadAllText(file)).Select(match => match.Groups["name"].Value))
            .Distinct()
            .ToList();

        Assert.Contains("BOT_ID", placeholders);
        Assert.All(placeholders, name => Assert.True(
            outputs.Contains(name) || readme.Contains($"azd env set {name} ", StringComparison.Ordinal),
            $"manifest placeholder {name} is neither an output of main.bicep nor set with 'azd env set {name}' in the README."));
    }

    [Fact]
    public void App_identity_may_use_both_the_tables_and_the_export_blobs_and_leftover_exports_expire()
    {
        var storage = BicepFile.Load("modules", "storage.bicep").Text;

        // Built-in role ids: Storage Table Data Contributor, Storage Blob Data Contributor.
        foreach (var role in new[] { "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "ba92f5b4-2d11-453d-a403-e96b0029c9fe" })
        {
            var variable = Regex.Match(storage, $@"var (?<name>\w+) = '{role}'");
            Assert.True(variable.Success, $"storage.bicep does not name the role {role}.");
            Assert.Contains($"roleDefinitions', {variable.Groups["name"].Value})", storage, StringComparison.Ordinal);
        }

        Assert.Contains($"'{SofSBot.Export.BlobExportFileStore.ContainerName}/'", storage, StringComparison.Ordinal);
        Assert.Contains("output blobServiceUri string", storage, StringComparison.Ordinal);
    }

    private static JsonObject ParameterFile() =>
        JsonNode.Parse(File.ReadAllText(RepositoryPaths.Combine("infra", "main.parameters.json")))!.AsObject();

    /// <summary>The README's "Deploy to Azure" section, up to the next second-level heading.</summary>
    private static string DeploySection()
    {
        var readme = File.ReadAllText(RepositoryPaths.Combine("README.md"));
        var start = readme.IndexOf("\n## Deploy to Azure", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no '## Deploy to Azure' section.");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return end < 0 ? readme[start..] : readme[start..end];
    }

    [GeneratedRegex(@"(?m)^services:\s*\n\s+(?<name>[\w-]+):\s*\n(?:\s+(?:project:\s*(?<project>\S+)|language:\s*(?<language>\S+)|host:\s*(?<host>\S+))\s*\n?){3}")]
    private static partial Regex Service();

    [GeneratedRegex(@"\$\{(?<name>[A-Z0-9_]+)(=[^}]*)?\}")]
    private static partial Regex EnvironmentReference();

    [GeneratedRegex(@"\$\{\{(?<name>[A-Z0-9_]+)\}\}")]
    private static partial Regex Placeholder();
}
