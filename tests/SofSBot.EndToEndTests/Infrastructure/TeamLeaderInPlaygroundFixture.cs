using System.Text.RegularExpressions;
using SofSBot.TestSupport;

namespace SofSBot.EndToEndTests.Infrastructure;

/// <summary>
/// <see cref="BotInPlaygroundFixture"/> with the Playground's current user (Karin Lindqvist, the demo
/// team's leader) named in <c>Roles:Coordinators</c> — in anonymous mode there is no Graph, so that
/// is how she leads the team, as in <c>scripts/run-local.sh</c> — and the bot installed in the demo
/// team, so that the team, its channels and its service URL are stored before a test starts.
/// </summary>
public sealed partial class TeamLeaderInPlaygroundFixture : IAsyncLifetime
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromSeconds(30);

    public TeamLeaderInPlaygroundFixture()
    {
        LeaderObjectId = CurrentUserObjectId(File.ReadAllText(RepositoryPaths.PlaygroundConfigFile));
        Inner = new BotInPlaygroundFixture(new Dictionary<string, string?> { ["Roles:Coordinators:0"] = LeaderObjectId });
    }

    /// <summary>The bot, Azurite and the Playground.</summary>
    public BotInPlaygroundFixture Inner { get; }

    /// <summary><c>currentUser.aadObjectId</c> of <c>.m365agentsplayground.yml</c>, the coordinator.</summary>
    public string LeaderObjectId { get; }

    public async Task InitializeAsync()
    {
        await Inner.InitializeAsync();
        using var timeout = new CancellationTokenSource(InstallTimeout);
        var teamId = Inner.Config.Team.Id;
        await Inner.Playground.InstallAsync(teamId, timeout.Token);
        // installationUpdate stores the team; the conversationUpdate after it refreshes the channels.
        await Inner.Handled.WaitForCountAsync(a => a.Type == "installationUpdate" && a.ConversationId == teamId, 1, InstallTimeout, timeout.Token);
        await Inner.Handled.WaitForCountAsync(a => a.Type == "conversationUpdate" && a.ConversationId == teamId, 1, InstallTimeout, timeout.Token);
    }

    public Task DisposeAsync() => Inner.DisposeAsync();

    private static string CurrentUserObjectId(string playgroundConfig)
    {
        var match = CurrentUserObjectIdPattern().Match(playgroundConfig);
        return match.Success
            ? match.Groups["id"].Value
            : throw new InvalidOperationException($"No currentUser.aadObjectId in {RepositoryPaths.PlaygroundConfigFile}.");
    }

    // currentUser's block: indented lines after "currentUser:" up to the next top-level key.
    [GeneratedRegex(@"^currentUser:\s*\n(?:[ \t]+.*\n)*?[ \t]+aadObjectId:[ \t]*(?<id>[0-9a-fA-F-]+)", RegexOptions.Multiline)]
    private static partial Regex CurrentUserObjectIdPattern();
}
