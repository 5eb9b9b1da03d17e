using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moq;
using SofSBot.BotFramework.Activities;
using SofSBot.Roles;
using SofSBot.Scheduling;
using SofSBot.Tests.Infrastructure;
using SofSBot.TestSupport;
using static SofSBot.Tests.Infrastructure.TeamsActivities;

namespace SofSBot.Tests.Roles;

/// <summary>
/// When Microsoft Graph cannot say who owns the team, an owner asking for a leader's command is told
/// to try again, not that only leaders may: the refusal must not tell a real leader they are none.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LeadershipUnknownTests : IAsyncLifetime
{
    private readonly Mock<IRoleResolver> _roles = new();
    private readonly SofSBotApp _app;

    public LeadershipUnknownTests(AzuriteFixture azurite)
    {
        _app = new SofSBotApp(azurite, services: services => services.Replace(ServiceDescriptor.Singleton(_roles.Object)));
    }

    public async Task InitializeAsync()
    {
        _app.Connector.Channels[TeamId] = [(TeamId, null), (TeammoteChannelId, "Teammöte")];
        await _app.SendActivityAsync(InstalledInTeam());
    }

    public async Task DisposeAsync()
    {
        Assert.Empty(_app.Connector.Unexpected);
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_leader_command_while_owners_cannot_be_read_says_to_try_again()
    {
        RolesAre(new UserRoles(IsTeamLeader: false, IsCoordinator: false, LeadershipUnknown: true));

        await _app.SendActivityAsync(ChannelMention("schema"));

        Assert.StartsWith("Jag kunde inte kontrollera just nu om du är teamledare", _app.Connector.Posts.Last().Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_leader_card_action_while_owners_cannot_be_read_is_refused_with_try_again_and_stores_nothing()
    {
        RolesAre(new UserRoles(IsTeamLeader: false, IsCoordinator: false, LeadershipUnknown: true));

        using var response = await _app.SendActivityAsync(CardAction(ScheduleCards.NewVerb, new(), locale: "en-US"));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var error = body.RootElement.GetProperty("value");
        Assert.Equal("forbidden", error.GetProperty("code").GetString());
        Assert.StartsWith("I could not check right now whether you lead this team", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(await _app.GetService<IScheduleStore>().ListForTeamAsync(TeamId, default));
    }

    [Fact]
    public async Task A_member_known_not_to_lead_still_reads_that_only_leaders_may()
    {
        RolesAre(UserRoles.Member);

        await _app.SendActivityAsync(ChannelMention("schema"));

        Assert.Equal("Det kan bara teamets teamledare göra.", _app.Connector.Posts.Last().Text);
    }

    private void RolesAre(UserRoles roles) =>
        _roles.Setup(r => r.GetRolesAsync(It.IsAny<ChannelAccount>(), It.IsAny<string?>(), It.IsAny<CancellationToken>())).ReturnsAsync(roles);
}
