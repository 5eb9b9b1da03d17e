using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using SofSBot.TestSupport;

namespace SofSBot.Tests.Bot;

/// <summary>
/// The bot never ends up unauthenticated by accident: an empty <c>Bot:AppId</c> is anonymous mode
/// only on a developer's machine (environment Development and <c>Bot:AllowAnonymous</c>); anywhere
/// else, and with no tenant allowed, the app stops at start with one sentence naming the keys.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StartupConfigurationTests(AzuriteFixture azurite)
{
    private const string TenantId = Infrastructure.TeamsActivities.TenantId;

    [Theory]
    [InlineData("Production", "true")]
    [InlineData("Staging", "true")]
    [InlineData("Development", "false")]
    [InlineData("Development", null)]
    public async Task Empty_app_id_stops_the_start_unless_it_is_a_development_run_that_allows_anonymous_mode(string environment, string? allowAnonymous)
    {
        await using var app = new ConfiguredApp(azurite, environment, new Dictionary<string, string?>
        {
            ["Bot:AppId"] = string.Empty,
            ["Bot:AllowAnonymous"] = allowAnonymous,
            ["Bot:TenantId"] = TenantId,
        });

        var exception = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Bot:AppId is empty", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Development_run_that_allows_anonymous_mode_starts_without_an_app_id()
    {
        await using var app = new ConfiguredApp(azurite, "Development", new Dictionary<string, string?>
        {
            ["Bot:AppId"] = string.Empty,
            ["Bot:AllowAnonymous"] = "true",
            ["Bot:TenantId"] = TenantId,
        });

        using var client = app.CreateClient();
        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.True(health.IsSuccessStatusCode);
    }

    [Theory]
    [InlineData("SingleTenant")]
    [InlineData("UserAssignedManagedIdentity")]
    [InlineData("MultiTenant")]
    public async Task Authenticated_bot_with_no_allowed_tenant_stops_the_start(string appType)
    {
        await using var app = new ConfiguredApp(azurite, "Production", new Dictionary<string, string?>
        {
            ["Bot:AppId"] = "0f0e0d0c-1b1a-4928-8776-655443322110",
            ["Bot:AppType"] = appType,
            ["Bot:ClientSecret"] = "not-a-real-secret",
            ["Bot:TenantId"] = string.Empty,
        });

        var exception = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("No tenant may use the bot", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_shipped_appsettings_do_not_make_a_production_bot_anonymous()
    {
        // Only what App Service would add for storage: no Bot settings at all.
        await using var app = new ConfiguredApp(azurite, "Production", new Dictionary<string, string?>());

        var exception = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Bot:AppId is empty", exception.Message, StringComparison.Ordinal);
    }

    /// <summary>The real app in the given environment with only these settings (and storage in Azurite).</summary>
    private sealed class ConfiguredApp(AzuriteFixture azurite, string environment, IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(environment);
            builder.UseSetting("ConnectionStrings:Tables", azurite.ConnectionString);
            builder.UseSetting("Storage:TablePrefix", "s" + Guid.NewGuid().ToString("N")[..12]);
            builder.UseSetting("Scheduler:Enabled", "false");
            builder.UseSetting("PeriodEndReminder:Enabled", "false");
            builder.UseSetting("Ratings:MonitorEnabled", "false");
            builder.UseSetting("Export:PseudonymSecret", Infrastructure.SofSBotApp.TestPseudonymSecret);
            builder.UseSetting("Logging:LogLevel:SofSBot", "Warning");
            foreach (var (key, value) in settings.Where(setting => setting.Value is not null))
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        }
    }
}
