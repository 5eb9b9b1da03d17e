using System.IO.Compression;
using System.Text.Json.Nodes;

namespace SofSBot.Deployment.Tests.Support;

/// <summary>
/// Builds the Teams app package with scripts/package-teams-app.mjs, as an admin does after
/// <c>azd up</c>, into a temporary folder, and validates unpacked packages with
/// scripts/validate-teams-app.mjs.
/// </summary>
internal sealed class TeamsAppPackage : IDisposable
{
    public const string BotId = "0b6a9f3e-4c21-4d7a-9e55-2f1c8d3b7a10";
    public const string TeamsAppId = "5d2e8c41-7f3a-4b9e-a6d0-91c4e2b8f735";

    public TeamsAppPackage()
    {
        Folder = Directory.CreateTempSubdirectory("sofsbot-teams-app-test-").FullName;
    }

    /// <summary>A temporary folder of this test's own, removed on dispose.</summary>
    public string Folder { get; }

    public string ZipPath => Path.Combine(Folder, "sofsbot-teams-app.zip");

    /// <summary>The values an admin provides (BOT_ID and TEAMS_APP_ID come from azd up).</summary>
    public static Dictionary<string, string?> Values() => new()
    {
        ["BOT_ID"] = BotId,
        ["TEAMS_APP_ID"] = TeamsAppId,
        ["DEVELOPER_NAME"] = "Exempelby kommun",
        ["DEVELOPER_WEBSITE_URL"] = "https://www.exempelby.se/sofsbot",
        ["DEVELOPER_PRIVACY_URL"] = "https://www.exempelby.se/integritet",
        ["DEVELOPER_TERMS_URL"] = "https://www.exempelby.se/villkor",
    };

    public Task<NodeScriptResult> BuildAsync(IReadOnlyDictionary<string, string?> values, CancellationToken cancellationToken) =>
        NodeScript.RunAsync("scripts/package-teams-app.mjs", ["--out", ZipPath], values, cancellationToken);

    /// <summary>Unpacks the zip into a new folder; returns the folder.</summary>
    public string Extract()
    {
        var folder = Path.Combine(Folder, "unpacked");
        ZipFile.ExtractToDirectory(ZipPath, folder);
        return folder;
    }

    public static Task<NodeScriptResult> ValidateAsync(string folder, CancellationToken cancellationToken) =>
        NodeScript.RunAsync("scripts/validate-teams-app.mjs", [folder], new Dictionary<string, string?>(), cancellationToken);

    public static JsonObject ReadJson(string path) =>
        JsonNode.Parse(File.ReadAllText(path))!.AsObject();

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
