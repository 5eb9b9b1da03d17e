using System.Text.Json;
using SofSBot.BotFramework;
using SofSBot.Commands;
using SofSBot.Help;
using SofSBot.Localization;
using SofSBot.Roles;

namespace SofSBot.Tests.Help;

public sealed class HelpCardTests
{
    private static readonly IBotCommand[] Commands =
    [
        new StubCommand(new CommandInfo("hjälp", "help", "Visar den här hjälpen.", "Shows this help.", CommandAudience.Everyone)),
        new StubCommand(new CommandInfo("schema", "schedule", "Lägg upp teamets rutiner.", "Schedule the team's routines.", CommandAudience.TeamLeaders)),
        new StubCommand(new CommandInfo("export", "export", "Exportera skattningarna.", "Export the ratings.", CommandAudience.Coordinators)),
    ];

    [Fact]
    public void Member_sees_only_the_commands_open_to_members_in_swedish()
    {
        var json = Render(Language.Swedish, UserRoles.Member);

        Assert.Contains("Så använder du SofSBot", json, StringComparison.Ordinal);
        Assert.Contains("hjälp", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Lägg upp teamets rutiner.", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Exportera", json, StringComparison.Ordinal);
        Assert.Contains("teammedlem", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Team_leader_also_sees_the_leader_commands()
    {
        var json = Render(Language.Swedish, new UserRoles(IsTeamLeader: true, IsCoordinator: false));

        Assert.Contains("Lägg upp teamets rutiner.", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Exportera", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Coordinator_sees_every_command_in_english_when_asked_in_english()
    {
        var json = Render(Language.English, new UserRoles(IsTeamLeader: false, IsCoordinator: true));

        Assert.Contains("How to use SofSBot", json, StringComparison.Ordinal);
        Assert.Contains("Schedule the team's routines.", json, StringComparison.Ordinal);
        Assert.Contains("Export the ratings.", json, StringComparison.Ordinal);
        Assert.Contains("coordinator", json, StringComparison.Ordinal);
        Assert.DoesNotContain("hjälp", json, StringComparison.Ordinal);
    }

    private static string Render(Language language, UserRoles roles) =>
        JsonSerializer.Serialize(HelpCard.Create(language, roles, Commands), BotJson.Options);

    private sealed class StubCommand(CommandInfo info) : IBotCommand
    {
        public CommandInfo Info { get; } = info;

        public Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
