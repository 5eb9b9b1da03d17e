using System.Text.Json.Nodes;
using SofSBot.Deployment.Tests.Support;
using SofSBot.TestSupport;

namespace SofSBot.Deployment.Tests.Manifest;

/// <summary>What the manifest lets the bot do in Teams against what the bot does.</summary>
public sealed class BotCapabilityTests
{
    private readonly JsonObject _bot = TeamsAppPackage.ReadJson(RepositoryPaths.Combine("manifest", "manifest.json"))["bots"]![0]!.AsObject();

    /// <summary>The export reaches the coordinator as a FileConsentCard, which Teams ignores unless the bot declares files.</summary>
    [Fact]
    public void Bot_declares_files_because_the_export_is_sent_with_a_file_consent_card()
    {
        Assert.True(_bot["supportsFiles"]?.GetValue<bool>() == true, "manifest.json: bots[0].supportsFiles must be true, or Teams never shows the export's FileConsentCard.");
    }

    /// <summary>
    /// Team channels (routines, ratings, leaders) and personal chat (export, periods, "mina data"):
    /// in a group chat the bot has nothing to offer but help, so it is not offered there.
    /// </summary>
    [Fact]
    public void Bot_is_offered_only_where_it_has_something_to_do()
    {
        var scopes = _bot["scopes"]!.AsArray().Select(scope => scope!.GetValue<string>()).Order().ToList();
        var menus = _bot["commandLists"]!.AsArray().SelectMany(list => list!["scopes"]!.AsArray().Select(scope => scope!.GetValue<string>())).Order().ToList();

        Assert.Equal(["personal", "team"], scopes);
        Assert.Equal(scopes, menus);
    }
}
