using System.Text.Json.Nodes;
using SofSBot.Deployment.Tests.Support;

namespace SofSBot.Deployment.Tests.Infra;

/// <summary>
/// infra/main.bicep compiled and linted by the Bicep compiler itself (NuGet package
/// Azure.Bicep.CommandLine.linux-x64), and the ARM template it becomes checked for what an Azure
/// admin expects: no keys, HTTPS and TLS 1.2 only, no basic-auth publishing, a Key Vault that keeps
/// its secrets, the app's blob rights on the exports container only, and the settings the app needs.
/// </summary>
public sealed class CompiledTemplateTests
{
    // Built-in role ids.
    private const string StorageBlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";

    /// <summary>What the app cannot run in Azure without (App Service writes ':' as '__').</summary>
    private static readonly string[] RequiredAppSettings =
    [
        "Bot__AppId", "Bot__AppType", "Bot__TenantId", "Bot__ManagedIdentityClientId",
        "Storage__TableServiceUri", "Storage__BlobServiceUri", "Storage__ManagedIdentityClientId",
        "Export__PseudonymSecret", "APPLICATIONINSIGHTS_CONNECTION_STRING",
    ];

    private static readonly Lazy<Task<(ArmTemplate Template, BicepRun Run)>> Compiled = new(async () =>
    {
        var (json, run) = await BicepCompiler.BuildAsync("main.bicep", CancellationToken.None);
        return (new ArmTemplate(json), run);
    });

    [Fact]
    public async Task Main_bicep_builds_without_an_error_or_a_warning()
    {
        var (_, run) = await Compiled.Value;

        Assert.True(run.Diagnostics.Count == 0, "bicep build:\n" + string.Join('\n', run.Diagnostics));
    }

    [Fact]
    public async Task Main_bicep_passes_the_linter_without_an_error_or_a_warning()
    {
        var run = await BicepCompiler.LintAsync("main.bicep", CancellationToken.None);

        Assert.True(run.ExitCode == 0 && run.Diagnostics.Count == 0, $"bicep lint ({run.ExitCode}):\n{run.Output}\n{run.Error}");
    }

    [Fact]
    public async Task Storage_account_takes_no_shared_keys_and_only_https_with_tls_1_2()
    {
        var storage = (await TemplateAsync()).Single("Microsoft.Storage/storageAccounts").Properties;

        Assert.False(storage["allowSharedKeyAccess"]!.GetValue<bool>());
        Assert.True(storage["supportsHttpsTrafficOnly"]!.GetValue<bool>());
        Assert.Equal("TLS1_2", storage["minimumTlsVersion"]!.GetValue<string>());
        Assert.False(storage["allowBlobPublicAccess"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Web_app_is_https_only_with_tls_1_2_and_no_ftp_or_scm_basic_auth_publishing()
    {
        var template = await TemplateAsync();
        var site = template.Single("Microsoft.Web/sites").Properties;

        Assert.True(site["httpsOnly"]!.GetValue<bool>());
        Assert.Equal("1.2", site["siteConfig"]!["minTlsVersion"]!.GetValue<string>());
        Assert.Equal("Disabled", site["siteConfig"]!["ftpsState"]!.GetValue<string>());

        var policies = template.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies");
        foreach (var kind in new[] { "ftp", "scm" })
        {
            var policy = policies.SingleOrDefault(resource => resource.Name.EndsWith($"'{kind}')]", StringComparison.Ordinal) || resource.Name.EndsWith($"/{kind}", StringComparison.Ordinal));
            Assert.True(policy is not null, $"No basicPublishingCredentialsPolicies '{kind}' on the web app.");
            Assert.False(policy.Properties["allow"]!.GetValue<bool>(), $"Basic auth publishing over {kind} is allowed.");
        }
    }

    [Fact]
    public async Task Every_key_vault_made_has_purge_protection_and_rbac()
    {
        var vaults = (await TemplateAsync()).OfType("Microsoft.KeyVault/vaults");

        Assert.NotEmpty(vaults);
        Assert.All(vaults, vault =>
        {
            Assert.True(vault.Properties["enablePurgeProtection"]?.GetValue<bool>() == true, "A vault without purge protection: a deleted secret could be gone for good.");
            Assert.True(vault.Properties["enableSoftDelete"]?.GetValue<bool>() == true);
            Assert.True(vault.Properties["enableRbacAuthorization"]?.GetValue<bool>() == true);
        });
    }

    [Fact]
    public async Task App_identity_may_write_blobs_only_in_the_exports_container_and_tables_in_the_account()
    {
        var assignments = (await TemplateAsync()).OfType("Microsoft.Authorization/roleAssignments");

        var blob = assignments.Where(assignment => RoleOf(assignment) == StorageBlobDataContributor).ToList();
        var onlyBlobAssignment = Assert.Single(blob);
        Assert.True(onlyBlobAssignment.Scope is not null, "The blob role is assigned on the whole storage account.");
        Assert.Contains("Microsoft.Storage/storageAccounts/blobServices/containers'", onlyBlobAssignment.Scope, StringComparison.Ordinal);
        Assert.Contains($"'{SofSBot.Export.BlobExportFileStore.ContainerName}'", onlyBlobAssignment.Scope, StringComparison.Ordinal);

        var table = Assert.Single(assignments, assignment => RoleOf(assignment) == StorageTableDataContributor);
        Assert.Contains("Microsoft.Storage/storageAccounts'", table.Scope ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Web_app_gets_every_setting_the_app_needs_and_its_secrets_only_as_key_vault_references()
    {
        var web = (await TemplateAsync()).Single("Microsoft.Web/sites");
        var settings = web.Variable("appSettings")!.AsArray()
            .ToDictionary(setting => setting!["name"]!.GetValue<string>(), setting => setting!["value"]!.GetValue<string>());

        Assert.Empty(RequiredAppSettings.Except(settings.Keys));
        Assert.StartsWith("[format('@Microsoft.KeyVault(SecretUri={0})'", settings["Export__PseudonymSecret"], StringComparison.Ordinal);
        Assert.Contains("Bot__ClientSecret", web.Variable("secretSettings")!.ToArmText(), StringComparison.Ordinal);
        Assert.Contains("@Microsoft.KeyVault(SecretUri=", web.Variable("secretSettings")!.ToArmText(), StringComparison.Ordinal);
    }

    /// <summary>
    /// The pseudonym key must outlive every deployment: a new one gives every respondent a new
    /// pseudonym. It is a secure parameter without a default (no newGuid() that a later deployment
    /// would draw again) that azd generates once and keeps in the environment, written into a vault
    /// that every deployment makes, and read by the app through a Key Vault reference.
    /// </summary>
    [Fact]
    public async Task Pseudonym_secret_is_generated_once_by_azd_kept_in_key_vault_and_never_an_output()
    {
        var template = await TemplateAsync();
        var parameter = template.Root["parameters"]!["exportPseudonymSecret"]!.AsObject();

        Assert.Equal("securestring", parameter["type"]!.GetValue<string>());
        Assert.Null(parameter["defaultValue"]);
        Assert.Equal("generate", parameter["metadata"]?["azd"]?["type"]?.GetValue<string>());
        Assert.True(parameter["metadata"]!["azd"]!["config"]!["length"]!.GetValue<int>() >= SofSBot.Export.ExportOptions.MinSecretBytes);

        var vaultModule = template.OfType("Microsoft.Resources/deployments").Single(module => module.Json["properties"]!["template"]!.ToArmText().Contains("Microsoft.KeyVault/vaults", StringComparison.Ordinal));
        Assert.Null(vaultModule.Json["condition"]);
        Assert.Contains("parameters('exportPseudonymSecret')", vaultModule.Json["properties"]!["parameters"]!.ToArmText(), StringComparison.Ordinal);

        var secret = template.OfType("Microsoft.KeyVault/vaults/secrets").Single(resource => resource.Name.Contains("export-pseudonym-secret", StringComparison.Ordinal));
        Assert.Null(secret.Json["condition"]);

        // No output, of main or of a module, carries the value.
        var outputs = template.Resources.Select(resource => resource.Template["outputs"]?.ToArmText()).Append(template.Root["outputs"]?.ToArmText());
        Assert.All(outputs.OfType<string>(), output => Assert.DoesNotMatch(@"parameters\('(exportPseudonymSecret|pseudonymSecret|botClientSecret)'\)", output));
    }

    private static async Task<ArmTemplate> TemplateAsync() => (await Compiled.Value).Template;

    /// <summary>The role id of a role assignment, its variable resolved.</summary>
    private static string RoleOf(ArmResource assignment)
    {
        var definition = assignment.Properties["roleDefinitionId"]!.GetValue<string>();
        var variable = System.Text.RegularExpressions.Regex.Match(definition, @"variables\('(?<name>\w+)'\)");
        return variable.Success ? assignment.Variable(variable.Groups["name"].Value)!.GetValue<string>() : definition;
    }
}
