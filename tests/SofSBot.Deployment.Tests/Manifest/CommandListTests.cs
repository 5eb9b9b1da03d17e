using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SofSBot.Commands;
using SofSBot.Deployment.Tests.Support;
using SofSBot.TestSupport;

namespace SofSBot.Deployment.Tests.Manifest;

/// <summary>
/// The command menus Teams shows (manifest.json in Swedish, en-US.json in English) against the
/// commands the bot really understands.
/// </summary>
public sealed class CommandListTests : IAsyncLifetime
{
    private readonly JsonObject _manifest = TeamsAppPackage.ReadJson(RepositoryPaths.Combine("manifest", "manifest.json"));
    private readonly JsonObject _english = TeamsAppPackage.ReadJson(RepositoryPaths.Combine("manifest", "en-US.json"));
    // A production app needs its identity to start (an empty Bot:AppId stops it outside Development).
    private readonly AppServiceApp _app = new(new Dictionary<string, string>
    {
        ["ConnectionStrings:Tables"] = "UseDevelopmentStorage=true",
        ["Bot:AppId"] = "0f0e0d0c-1b1a-4928-8776-655443322110",
        ["Bot:TenantId"] = "9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f",
    });
    private CommandTable _commands = null!;

    public Task InitializeAsync()
    {
        _commands = _app.Services.GetRequiredService<CommandTable>();
        return Task.CompletedTask;
    }

    [Fact]
    public void Teams_suggests_only_commands_the_bot_understands_under_their_swedish_and_english_names()
    {
        var listed = ListedCommands().ToList();
        Assert.NotEmpty(listed);

        Assert.All(listed, command =>
        {
            var match = _commands.Match(command.Swedish);
            Assert.True(match is not null && match.Arguments.Length == 0, $"The bot does not understand '{command.Swedish}' ({command.Key}).");
            Assert.Equal(command.Swedish, match!.Command.Info.SwedishName);
            Assert.Equal(command.English, match.Command.Info.EnglishName);
        });
    }

    [Fact]
    public void Every_command_of_the_bot_is_in_a_menu_and_help_is_in_every_menu()
    {
        var listed = ListedCommands().ToList();

        Assert.Empty(_commands.Commands.Select(command => command.Info.SwedishName).Except(listed.Select(command => command.Swedish)));
        foreach (var scope in _manifest["bots"]![0]!["scopes"]!.AsArray().Select(scope => scope!.GetValue<string>()))
        {
            Assert.Contains(listed, command => command.Scopes.Contains(scope) && command.Swedish == "hjälp");
        }
    }

    [Fact]
    public void English_localization_has_every_command_and_nothing_else()
    {
        var expected = ListedCommands()
            .SelectMany(command => new[] { $"{command.Key}.title", $"{command.Key}.description" })
            .ToHashSet();
        var translated = _english.Select(entry => entry.Key).Where(key => key.StartsWith("bots[", StringComparison.Ordinal)).ToHashSet();

        Assert.Equal(expected.Order(), translated.Order());
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>The commands of the manifest's command lists, with the English title from en-US.json.</summary>
    private IEnumerable<ListedCommand> ListedCommands()
    {
        var lists = _manifest["bots"]![0]!["commandLists"]!.AsArray();
        for (var l = 0; l < lists.Count; l++)
        {
            var scopes = lists[l]!["scopes"]!.AsArray().Select(scope => (string)scope!).ToList();
            var commands = lists[l]!["commands"]!.AsArray();
            for (var c = 0; c < commands.Count; c++)
            {
                var key = $"bots[0].commandLists[{l}].commands[{c}]";
                yield return new ListedCommand(key, scopes, (string)commands[c]!["title"]!, (string?)_english[$"{key}.title"] ?? "(no English title)");
            }
        }
    }

    private sealed record ListedCommand(string Key, IReadOnlyList<string> Scopes, string Swedish, string English);
}
