using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SofSBot.Storage;
using SofSBot.Tests.Infrastructure;
using SofSBot.TeamsEvents;
using SofSBot.TestSupport;
using static SofSBot.Tests.Infrastructure.TeamsActivities;

namespace SofSBot.Tests.TeamsEvents;

[Collection(AzuriteCollection.Name)]
public sealed class TeamsEventsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly SofSBotApp _app = new(azurite);

    private ITeamStore Teams => _app.GetService<ITeamStore>();

    public Task InitializeAsync()
    {
        _app.Connector.Channels[TeamId] = [(TeamId, null), (TeammoteChannelId, "Teammöte")];
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Assert.Empty(_app.Connector.Unexpected);
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Install_in_a_team_remembers_it_and_greets_the_team_in_swedish()
    {
        using var response = await _app.SendActivityAsync(InstalledInTeam());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var team = await Teams.GetTeamAsync(TeamId, default);
        Assert.NotNull(team);
        Assert.Equal(TeamName, team.Name);
        Assert.Equal(TenantId, team.TenantId);
        Assert.Equal(FakeBotConnector.ServiceUrl, team.ServiceUrl);
        Assert.Equal("d1c2b3a4-9e8f-4a7b-8c6d-5e4f3a2b1c0d", team.AadGroupId);
        Assert.Equal(TeamState.Installed, team.State);

        var channels = await Teams.ListChannelsAsync(TeamId, default);
        Assert.Equal(["Teammöte"], channels.Where(c => !c.IsGeneral).Select(c => c.Name));
        Assert.Contains(channels, c => c.IsGeneral);

        var welcome = Assert.Single(_app.Connector.Posts);
        Assert.Equal($"/emea/v3/conversations/{TeamId}/activities", welcome.Path);
        Assert.Equal("Hej Utredningsteam 1! Jag är SofSBot.", welcome.Card?["body"]?[0]?["text"]?.GetValue<string>());
    }

    [Fact]
    public async Task Install_with_an_english_locale_greets_in_english()
    {
        await _app.SendActivityAsync(InstalledInTeam(locale: "en-US"));

        var welcome = Assert.Single(_app.Connector.Posts);
        Assert.Equal("Hello Utredningsteam 1! I'm SofSBot.", welcome.Card?["body"]?[0]?["text"]?.GetValue<string>());
        Assert.Equal("en", welcome.Card?["lang"]?.GetValue<string>());
    }

    [Fact]
    public async Task Install_told_twice_greets_the_team_once()
    {
        // Teams announces an install with installationUpdate and conversationUpdate, and may redeliver.
        var install = InstalledInTeam();
        await _app.SendActivityAsync(install);
        await _app.SendActivityAsync(BotAddedToTeam());
        await _app.SendActivityAsync(install);

        Assert.Single(_app.Connector.Posts);
    }

    [Fact]
    public async Task Install_told_at_the_same_moment_greets_the_team_once()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            _app.SendActivityAsync(i % 2 == 0 ? InstalledInTeam() : BotAddedToTeam())));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        Assert.Single(_app.Connector.Posts);
    }

    [Fact]
    public async Task Greeting_follows_the_installers_locale_whichever_event_comes_first()
    {
        await _app.SendActivityAsync(BotAddedToTeam());
        await _app.SendActivityAsync(InstalledInTeam(locale: "en-US"));

        var welcome = Assert.Single(_app.Connector.Posts);
        Assert.Equal("Hello Utredningsteam 1! I'm SofSBot.", welcome.Card?["body"]?[0]?["text"]?.GetValue<string>());
    }

    [Fact]
    public async Task Greeting_that_failed_to_send_is_sent_when_the_install_is_delivered_again()
    {
        // The channel list (first call) works; the greeting (second call) is refused once.
        _app.Connector.OnCall = call =>
        {
            if (call.Path.EndsWith("/activities", StringComparison.Ordinal) && !_app.Connector.Posts.Skip(1).Any())
            {
                _app.Connector.Failures.Enqueue(HttpStatusCode.Forbidden);
            }
        };
        var install = InstalledInTeam();

        using var failed = await _app.SendActivityAsync(install);
        _app.Connector.OnCall = null;
        using var redelivered = await _app.SendActivityAsync(install);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        Assert.Equal(2, _app.Connector.Posts.Count());
        Assert.NotNull(_app.Connector.Posts.Last().Card);
    }

    [Fact]
    public async Task Removed_and_added_again_greets_again()
    {
        await _app.SendActivityAsync(InstalledInTeam());
        await _app.SendActivityAsync(RemovedFromTeam());
        Assert.Equal(TeamState.Removed, (await Teams.GetTeamAsync(TeamId, default))?.State);

        await _app.SendActivityAsync(InstalledInTeam());

        Assert.Equal(TeamState.Installed, (await Teams.GetTeamAsync(TeamId, default))?.State);
        Assert.Equal(2, _app.Connector.Posts.Count());
    }

    [Fact]
    public async Task Team_renamed_archived_and_deleted_are_kept()
    {
        await _app.SendActivityAsync(InstalledInTeam());

        await _app.SendActivityAsync(TeamEvent("teamRenamed", teamName: "Utredningsteam Ett"));
        Assert.Equal("Utredningsteam Ett", (await Teams.GetTeamAsync(TeamId, default))?.Name);

        await _app.SendActivityAsync(TeamEvent("teamArchived"));
        Assert.True((await Teams.GetTeamAsync(TeamId, default))?.IsArchived);

        await _app.SendActivityAsync(TeamEvent("teamUnarchived"));
        Assert.False((await Teams.GetTeamAsync(TeamId, default))?.IsArchived);

        await _app.SendActivityAsync(TeamEvent("teamDeleted"));
        Assert.Equal(TeamState.Deleted, (await Teams.GetTeamAsync(TeamId, default))?.State);
    }

    [Fact]
    public async Task Channels_created_renamed_and_deleted_are_kept()
    {
        await _app.SendActivityAsync(InstalledInTeam());
        const string ChannelId = "19:nyttkanal@thread.tacv2";

        await _app.SendActivityAsync(TeamEvent("channelCreated", channel: new JsonObject { ["id"] = ChannelId, ["name"] = "Ärendehandledning" }));
        Assert.Contains(await Teams.ListChannelsAsync(TeamId, default), c => c.ChannelId == ChannelId && c.Name == "Ärendehandledning");

        await _app.SendActivityAsync(TeamEvent("channelRenamed", channel: new JsonObject { ["id"] = ChannelId, ["name"] = "Handledning" }));
        Assert.Contains(await Teams.ListChannelsAsync(TeamId, default), c => c.ChannelId == ChannelId && c.Name == "Handledning");

        await _app.SendActivityAsync(TeamEvent("channelDeleted", channel: new JsonObject { ["id"] = ChannelId, ["name"] = "Handledning" }));
        Assert.DoesNotContain(await Teams.ListChannelsAsync(TeamId, default), c => c.ChannelId == ChannelId);
    }

    [Fact]
    public async Task Event_for_a_team_never_seen_changes_nothing()
    {
        using var response = await _app.SendActivityAsync(TeamEvent("teamRenamed", teamName: "Okänt"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(await Teams.GetTeamAsync(TeamId, default));
    }

    [Fact]
    public async Task New_member_is_welcomed_once_in_personal_chat()
    {
        await _app.SendActivityAsync(InstalledInTeam());

        await _app.SendActivityAsync(MemberAddedToTeam(Sara));
        await _app.SendActivityAsync(MemberAddedToTeam(Sara));

        var created = Assert.Single(_app.Connector.Calls, call => call.Method == HttpMethod.Post && call.Path.EndsWith("/v3/conversations", StringComparison.Ordinal));
        Assert.Equal("29:1sara", created.Body?["members"]?[0]?["id"]?.GetValue<string>());
        Assert.Equal(TenantId, created.Body?["channelData"]?["tenant"]?["id"]?.GetValue<string>());
        var welcome = _app.Connector.Posts.Last();
        Assert.StartsWith("/emea/v3/conversations/a:", welcome.Path, StringComparison.Ordinal);
        Assert.Equal("Välkommen till Utredningsteam 1!", welcome.Card?["body"]?[0]?["text"]?.GetValue<string>());
    }

    [Fact]
    public async Task Member_whose_welcome_failed_is_welcomed_when_told_again()
    {
        await _app.SendActivityAsync(InstalledInTeam());
        _app.Connector.Failures.Enqueue(HttpStatusCode.Forbidden);

        await _app.SendActivityAsync(MemberAddedToTeam(Sara));
        Assert.Single(_app.Connector.Posts);

        await _app.SendActivityAsync(MemberAddedToTeam(Sara));
        Assert.Equal(2, _app.Connector.Posts.Count());
        Assert.Contains(await _app.ReadTableAsync(TableClaimStore.TableName), row => row.RowKey.Contains("1a2b3c4d", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Member_whose_welcome_an_instance_died_sending_is_welcomed_once_when_told_again_after_the_lease()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));
        await using var app = new SofSBotApp(azurite, time: time);
        app.Connector.Channels[TeamId] = [(TeamId, null)];
        await app.SendActivityAsync(InstalledInTeam());
        var teamGreeting = app.Connector.Posts.Count();

        // Another instance claimed Sara's welcome and died before sending it.
        await app.GetService<IClaimStore>().TryClaimAsync(
            TeamsEventHandler.WelcomeClaimScope, $"{TenantId}|{Sara["aadObjectId"]!.GetValue<string>()}", TeamsEventHandler.WelcomeClaimLease, default);

        await app.SendActivityAsync(MemberAddedToTeam(Sara));
        Assert.Equal(teamGreeting, app.Connector.Posts.Count());

        time.Advance(TeamsEventHandler.WelcomeClaimLease);
        await app.SendActivityAsync(MemberAddedToTeam(Sara));
        time.Advance(TeamsEventHandler.WelcomeClaimLease * 2);
        await app.SendActivityAsync(MemberAddedToTeam(Sara));

        Assert.Equal(teamGreeting + 1, app.Connector.Posts.Count());
        Assert.Equal("Välkommen till Utredningsteam 1!", app.Connector.Posts.Last().Card?["body"]?[0]?["text"]?.GetValue<string>());
        Assert.Empty(app.Connector.Unexpected);
    }
}
