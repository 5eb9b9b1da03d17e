using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SofSBot.BotFramework;
using SofSBot.Deployment.Tests.Support;
using SofSBot.Storage;

namespace SofSBot.Deployment.Tests.Infra;

/// <summary>
/// The web app's settings in infra/modules/web.bicep against the configuration the app reads: a
/// misspelt key would leave the bot in Azure without its identity or its storage.
/// </summary>
public sealed partial class AppSettingsTests
{
    /// <summary>Read by the Azure Monitor OpenTelemetry distro under its own name, not through an options class.</summary>
    private static readonly string[] PlatformSettings = ["APPLICATIONINSIGHTS_CONNECTION_STRING"];

    private static readonly BicepFile Main = BicepFile.Load("main.bicep");
    private static readonly BicepFile Web = BicepFile.Load("modules", "web.bicep");
    private static readonly BicepFile Bot = BicepFile.Load("modules", "bot.bicep");

    public static TheoryData<string> BotAppTypes => [.. Web.AllowedValues("botAppType")];

    [Fact]
    public void Every_app_setting_is_a_key_the_app_reads()
    {
        var settings = AppSettings("UserAssignedManagedIdentity");
        Assert.NotEmpty(settings);

        var unread = settings.Keys.Where(key => ConfigurationKeys.Resolve(key) is null).ToList();

        Assert.True(unread.Count == 0, $"web.bicep sets keys that no options class of the app binds: {string.Join(", ", unread)}");
    }

    [Theory]
    [MemberData(nameof(BotAppTypes))]
    public async Task App_started_with_only_the_app_service_settings_binds_each_of_them(string botAppType)
    {
        var settings = AppSettings(botAppType);
        await using var app = new AppServiceApp(settings);

        foreach (var (key, value) in settings)
        {
            var target = ConfigurationKeys.Resolve(key);
            Assert.True(target is not null, $"{key} is not a key the app reads.");
            var options = ((IOptions<object>)app.Services.GetRequiredService(typeof(IOptions<>).MakeGenericType(target.OptionsType))).Value;
            Assert.True(value == target.ReadFrom(options), $"{key}: configured '{value}', the app read '{target.ReadFrom(options)}'.");
        }

        Assert.Equal(Enum.Parse<BotAppType>(botAppType), app.Services.GetRequiredService<IOptions<BotOptions>>().Value.AppType);
    }

    [Fact]
    public async Task App_in_azure_reaches_storage_by_uri_with_its_managed_identity_and_its_health_check_asks_both_stores()
    {
        var settings = AppSettings("UserAssignedManagedIdentity");
        await using var app = new AppServiceApp(settings);

        var storage = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        Assert.True(string.IsNullOrEmpty(storage.ConnectionString), "In Azure the app must not fall back to a connection string.");
        Assert.False(string.IsNullOrWhiteSpace(storage.ManagedIdentityClientId), "Without the identity's client id the app would ask for a system-assigned identity, which the web app does not have.");
        Assert.Equal(new Uri(settings["Storage:TableServiceUri"]), app.Services.GetRequiredService<TableServiceClient>().Uri);
        Assert.Equal(new Uri(settings["Storage:BlobServiceUri"]), app.Services.GetRequiredService<BlobServiceClient>().Uri);

        var bot = app.Services.GetRequiredService<IOptions<BotOptions>>().Value;
        Assert.False(bot.IsAnonymous, "With no Bot:AppId the bot would accept unauthenticated calls.");
        Assert.False(string.IsNullOrWhiteSpace(bot.TenantId));

        // App Service's health check asks about both stores. Not run here: it would ask the
        // instance metadata service for a managed-identity token, which only exists in Azure.
        Assert.Equal("/health", Web.PropertyValue("healthCheckPath"));
        var checks = app.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations.Select(check => check.Name);
        Assert.Equal(["blobs", "tables"], checks.Order());
    }

    [Fact]
    public void Bot_identity_types_are_the_same_in_every_template_and_known_to_the_app()
    {
        var offered = Main.AllowedValues("botAppType");

        Assert.Equal(offered, Web.AllowedValues("botAppType"));
        Assert.Equal(offered, Bot.AllowedValues("appType"));
        Assert.All(offered, value => Assert.True(Enum.TryParse<BotAppType>(value, out _), $"The app has no Bot:AppType '{value}'."));
    }

    /// <summary>
    /// The settings web.bicep gives the app, as configuration keys with sample values: one value per
    /// Bicep expression (so settings fed the same output get the same value), of the type the bound
    /// property has; the coordinators' loop yields two.
    /// </summary>
    private static Dictionary<string, string> AppSettings(string botAppType)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, expression) in Web.AppSettings.Where(setting => !PlatformSettings.Contains(setting.Name)))
        {
            var indexes = name.Contains("${", StringComparison.Ordinal) ? new[] { 0, 1 } : [0];
            foreach (var index in indexes)
            {
                var key = ConfigurationKeys.FromAppSettingName(InterpolatedIndex().Replace(name, index.ToString(CultureInfo.InvariantCulture)));
                var target = ConfigurationKeys.Resolve(key);
                settings[key] = target?.Property.PropertyType switch
                {
                    { } type when type == typeof(Uri) => $"https://st{Sample(expression)[..8]}.table.core.windows.net/",
                    { IsEnum: true } => botAppType,
                    _ => Sample($"{expression}#{index}"),
                };
            }
        }

        return settings;
    }

    private static string Sample(string expression) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(expression)).AsSpan(0, 16)).ToString();

    [GeneratedRegex(@"\$\{[^}]*\}")]
    private static partial Regex InterpolatedIndex();
}
