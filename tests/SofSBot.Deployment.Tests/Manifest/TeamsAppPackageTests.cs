using System.IO.Compression;
using SofSBot.Deployment.Tests.Support;
using SofSBot.TestSupport;

namespace SofSBot.Deployment.Tests.Manifest;

/// <summary>
/// The zip an admin uploads to Teams, built by scripts/package-teams-app.mjs and validated offline
/// against the Teams JSON schemas from npm @microsoft/app-manifest.
/// </summary>
public sealed class TeamsAppPackageTests : IDisposable
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(2));
    private readonly TeamsAppPackage _package = new();

    private CancellationToken Ct => _timeout.Token;

    [Fact]
    public async Task Package_holds_the_filled_in_manifest_and_validates_against_the_teams_schema()
    {
        var built = await _package.BuildAsync(TeamsAppPackage.Values(), Ct);
        Assert.True(built.ExitCode == 0, built.ToString());

        using (var zip = ZipFile.OpenRead(_package.ZipPath))
        {
            // Teams reads the files at the root of the zip, not in a folder.
            Assert.Equal(["color.png", "en-US.json", "manifest.json", "outline.png"], zip.Entries.Select(entry => entry.FullName).Order());
        }

        var unpacked = _package.Extract();
        var validated = await TeamsAppPackage.ValidateAsync(unpacked, Ct);
        Assert.True(validated.ExitCode == 0, validated.ToString());

        var manifest = TeamsAppPackage.ReadJson(Path.Combine(unpacked, "manifest.json"));
        Assert.Equal(TeamsAppPackage.TeamsAppId, (string?)manifest["id"]);
        Assert.Equal(TeamsAppPackage.BotId, (string?)manifest["bots"]![0]!["botId"]);
        // Resource-specific consent is granted to the app named here: the bot's own identity reads the team's owners.
        Assert.Equal(TeamsAppPackage.BotId, (string?)manifest["webApplicationInfo"]!["id"]);
        Assert.Contains(
            manifest["authorization"]!["permissions"]!["resourceSpecific"]!.AsArray(),
            permission => (string?)permission!["name"] == "TeamMember.Read.Group" && (string?)permission["type"] == "Application");
        Assert.Equal("sv-SE", (string?)manifest["localizationInfo"]!["defaultLanguageTag"]);
        foreach (var icon in new[] { "color.png", "outline.png" })
        {
            Assert.Equal(File.ReadAllBytes(RepositoryPaths.Combine("manifest", icon)), File.ReadAllBytes(Path.Combine(unpacked, icon)));
        }
    }

    [Fact]
    public async Task Package_names_every_value_that_is_missing_and_writes_nothing()
    {
        var values = TeamsAppPackage.Values();
        values["BOT_ID"] = null;
        values["DEVELOPER_PRIVACY_URL"] = " ";

        var result = await _package.BuildAsync(values, Ct);

        Assert.NotEqual(0, result.ExitCode);
        var firstLine = result.Error.Split('\n')[0];
        Assert.Contains("BOT_ID", firstLine, StringComparison.Ordinal);
        Assert.Contains("DEVELOPER_PRIVACY_URL", firstLine, StringComparison.Ordinal);
        Assert.DoesNotContain("TEAMS_APP_ID", firstLine, StringComparison.Ordinal);
        Assert.False(File.Exists(_package.ZipPath));
    }

    [Fact]
    public async Task Package_is_refused_when_a_value_breaks_the_teams_schema()
    {
        var values = TeamsAppPackage.Values();
        values["DEVELOPER_WEBSITE_URL"] = "www.exempelby.se";
        values["BOT_ID"] = "sofsbot";

        var result = await _package.BuildAsync(values, Ct);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("/developer/websiteUrl", result.Error, StringComparison.Ordinal);
        Assert.Contains("/bots/0/botId", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_package.ZipPath));
    }

    [Fact]
    public async Task Validator_reports_a_manifest_and_a_localization_that_teams_would_reject()
    {
        var built = await _package.BuildAsync(TeamsAppPackage.Values(), Ct);
        Assert.True(built.ExitCode == 0, built.ToString());
        var unpacked = _package.Extract();
        var manifest = TeamsAppPackage.ReadJson(Path.Combine(unpacked, "manifest.json"));
        manifest.Remove("developer");
        File.WriteAllText(Path.Combine(unpacked, "manifest.json"), manifest.ToJsonString());
        var english = TeamsAppPackage.ReadJson(Path.Combine(unpacked, "en-US.json"));
        english.Remove("description.short");
        File.WriteAllText(Path.Combine(unpacked, "en-US.json"), english.ToJsonString());
        File.Delete(Path.Combine(unpacked, "outline.png"));

        var result = await TeamsAppPackage.ValidateAsync(unpacked, Ct);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("manifest.json: / must have required property 'developer'", result.Error, StringComparison.Ordinal);
        Assert.Contains("en-US.json: / must have required property 'description.short'", result.Error, StringComparison.Ordinal);
        Assert.Contains("outline.png", result.Error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _package.Dispose();
        _timeout.Dispose();
    }
}
