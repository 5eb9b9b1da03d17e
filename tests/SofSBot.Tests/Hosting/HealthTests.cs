using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SofSBot.Tests.Infrastructure;
using SofSBot.TestSupport;

namespace SofSBot.Tests.Hosting;

/// <summary>
/// <c>/health</c>, App Service's health check, is a readiness check: healthy only when Table and
/// Blob Storage answer; and the app says at start which build runs and how it is configured.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class HealthTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Health_is_healthy_when_tables_and_blobs_answer()
    {
        await using var app = new SofSBotApp(azurite);

        var (status, body) = await GetHealthAsync(app);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body["status"]!.GetValue<string>());
        Assert.Equal("Healthy", body["checks"]!["tables"]!["status"]!.GetValue<string>());
        Assert.Equal("Healthy", body["checks"]!["blobs"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Health_is_unhealthy_naming_both_stores_when_storage_cannot_be_reached_and_shows_no_key()
    {
        // Nothing listens on this loopback port: the account is unreachable.
        var port = FreePort.Next();
        var unreachable = string.Create(CultureInfo.InvariantCulture,
            $"DefaultEndpointsProtocol=http;AccountName={AzuriteFixture.AccountName};AccountKey={AzuriteFixture.AccountKey};BlobEndpoint=http://127.0.0.1:{port}/{AzuriteFixture.AccountName};TableEndpoint=http://127.0.0.1:{port}/{AzuriteFixture.AccountName};");
        await using var app = new SofSBotApp(azurite, settings: new Dictionary<string, string?> { ["ConnectionStrings:Tables"] = unreachable });

        var (status, body) = await GetHealthAsync(app);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", body["status"]!.GetValue<string>());
        Assert.Equal("Unhealthy", body["checks"]!["tables"]!["status"]!.GetValue<string>());
        Assert.Equal("Unhealthy", body["checks"]!["blobs"]!["status"]!.GetValue<string>());
        Assert.DoesNotContain(AzuriteFixture.AccountKey, body.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(port.ToString(CultureInfo.InvariantCulture), body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task App_logs_its_version_and_configuration_at_start_without_a_secret()
    {
        var logs = new CapturingLoggerProvider();
        await using var app = new SofSBotApp(azurite, appId: "0f0e0d0c-1b1a-4928-8776-655443322110", services: services =>
        {
            services.AddSingleton<ILoggerProvider>(logs);
            services.Configure<LoggerFilterOptions>(options => options.Rules.Add(new LoggerFilterRule(typeof(CapturingLoggerProvider).FullName, "SofSBot.Hosting", LogLevel.Information, null)));
        });
        _ = app.Services;

        var summary = Assert.Single(logs.Lines, line => line.Contains("SofSBot.Hosting.StartupSummary", StringComparison.Ordinal));
        var version = typeof(Program).Assembly.GetName().Version!.ToString(2);
        Assert.Contains($"SofSBot {version}", summary, StringComparison.Ordinal);
        Assert.Contains("app id 0f0e0d0c-1b1a-4928-8776-655443322110", summary, StringComparison.Ordinal);
        Assert.Contains("connection string", summary, StringComparison.Ordinal);
        Assert.Contains($"prefix '{app.TablePrefix}'", summary, StringComparison.Ordinal);
        Assert.Contains("export pseudonym key set", summary, StringComparison.Ordinal);
        Assert.Contains("telemetry off", summary, StringComparison.Ordinal);
        Assert.DoesNotContain(AzuriteFixture.AccountKey, summary, StringComparison.Ordinal);
        Assert.DoesNotContain(SofSBotApp.TestPseudonymSecret, summary, StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, JsonObject Body)> GetHealthAsync(SofSBotApp app)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }
}
