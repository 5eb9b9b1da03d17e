using System.Text.Json.Nodes;
using SofSBot.Roles;
using SofSBot.Tests.Infrastructure;
using SofSBot.TestSupport;
using static SofSBot.Tests.Infrastructure.TeamsActivities;

namespace SofSBot.Tests.Roles;

/// <summary>
/// The coordinators' team-leader commands through the real app (anonymous, so no Graph): Karin is
/// the configured coordinator, Sara a team member.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LeaderCommandsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string ErikObjectId = "7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b";

    private readonly SofSBotApp _app = new(azurite, settings: new Dictionary<string, string?>
    {
        ["Roles:Coordinators:0"] = Karin["aadObjectId"]!.GetValue<string>(),
    });

    private static string SaraObjectId => Sara["aadObjectId"]!.GetValue<string>();

    public Task InitializeAsync()
    {
        // The roster as Teams returns it: the mention carries only the 29: id, the roster maps it.
        _app.Connector.Members[TeamId] =
        [
            new JsonObject
            {
                ["id"] = "29:1karin", ["name"] = "Karin Lindqvist", ["aadObjectId"] = Karin["aadObjectId"]!.GetValue<string>(),
                ["givenName"] = "Karin", ["surname"] = "Lindqvist", ["userPrincipalName"] = "karin.lindqvist@kommun.example",
                ["tenantId"] = TenantId, ["userRole"] = "user",
            },
            new JsonObject
            {
                ["id"] = "29:1sara", ["name"] = "Sara Nilsson", ["aadObjectId"] = SaraObjectId.ToUpperInvariant(),
                ["givenName"] = "Sara", ["surname"] = "Nilsson", ["userPrincipalName"] = "sara.nilsson@kommun.example",
                ["tenantId"] = TenantId, ["userRole"] = "user",
            },
        ];
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Assert.Empty(_app.Connector.Unexpected);
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_coordinator_names_a_leader_by_mention_and_the_leader_then_leads_the_team()
    {
        await _app.SendActivityAsync(ChannelMentionOf("teamledare lägg till", Sara, from: Karin));

        Assert.Equal("Sara Nilsson är nu teamledare i teamet.", LastReply());
        var roles = await _app.GetService<IRoleResolver>().GetRolesAsync(new() { AadObjectId = SaraObjectId }, TeamId, default);
        Assert.True(roles.IsTeamLeader);

        // Sara's own help now shows her as team leader of this team.
        await _app.SendActivityAsync(ChannelMention("hjälp", from: Sara));
        var help = _app.Connector.Posts.Last().Card!.ToJsonString();
        Assert.Contains("Din roll: teamledare", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coordinator_names_a_leader_by_object_id_in_english()
    {
        await _app.SendActivityAsync(ChannelMention($"leaders add {ErikObjectId.ToUpperInvariant()}", locale: "sv-SE"));

        Assert.Equal($"{ErikObjectId} is now a leader of the team.", LastReply());
        Assert.True(await _app.GetService<INamedLeaderStore>().IsNamedLeaderAsync(TeamId, ErikObjectId, default));
    }

    [Fact]
    public async Task Naming_twice_says_so()
    {
        await _app.SendActivityAsync(ChannelMentionOf("teamledare lägg till", Sara, from: Karin));
        await _app.SendActivityAsync(ChannelMentionOf("teamledare lägg till", Sara, from: Karin));

        Assert.Equal("Sara Nilsson är redan utsedd till teamledare i teamet.", LastReply());
        Assert.Single(await _app.ReadTableAsync(TableNamedLeaderStore.TableName));
    }

    [Fact]
    public async Task The_list_names_the_leaders_and_reminds_that_owners_lead_too()
    {
        await _app.SendActivityAsync(ChannelMention("teamledare"));
        Assert.Equal("Ingen är utsedd till teamledare i teamet.\n\nTeamets ägare i Teams är alltid teamledare.", LastReply());

        await _app.SendActivityAsync(ChannelMentionOf("teamledare lägg till", Sara, from: Karin));
        await _app.SendActivityAsync(ChannelMention("leaders", locale: "en-US"));

        Assert.Equal("Named leaders of the team:\n\n- Sara Nilsson\n\nThe team's owners in Teams are always team leaders.", LastReply());
    }

    [Fact]
    public async Task A_display_name_written_as_a_link_is_listed_as_text()
    {
        var guest = User("29:1gast", "[Logga in](https://evil.example)", "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d");
        _app.Connector.Members[TeamId] =
        [
            .. _app.Connector.Members[TeamId],
            new JsonObject
            {
                ["id"] = "29:1gast", ["name"] = "[Logga in](https://evil.example)", ["aadObjectId"] = "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d",
                ["tenantId"] = TenantId, ["userRole"] = "user",
            },
        ];
        await _app.SendActivityAsync(ChannelMentionOf("teamledare lägg till", guest, from: Karin));

        await _app.SendActivityAsync(ChannelMention("teamledare"));

        Assert.Contains(@"- \[Logga in\](https://evil.example)", LastReply(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coordinator_removes_a_named_leader()
    {
        await _app.SendActivityAsync(ChannelMentionOf("teamledare lägg till", Sara, from: Karin));

        await _app.SendActivityAsync(ChannelMentionOf("teamledare ta bort", Sara, from: Karin));

        Assert.Equal("Sara Nilsson är inte längre utsedd teamledare i teamet.", LastReply());
        Assert.False(await _app.GetService<INamedLeaderStore>().IsNamedLeaderAsync(TeamId, SaraObjectId, default));

        await _app.SendActivityAsync(ChannelMentionOf("leaders remove", Sara, from: Karin));
        Assert.Equal("Sara Nilsson is not a named leader of the team, so there was nothing to remove.", LastReply());
    }

    [Theory]
    [InlineData("teamledare lägg till", "Det kan bara samordnare göra.")]
    [InlineData("leaders add", "Only coordinators can do that.")]
    public async Task A_non_coordinator_is_refused_and_nothing_changes(string command, string refusal)
    {
        await _app.SendActivityAsync(ChannelMention($"{command} {SaraObjectId}", locale: command.StartsWith("leaders", StringComparison.Ordinal) ? "en-US" : "sv-SE", from: Sara));

        Assert.Equal(refusal, LastReply());
        Assert.Empty(await _app.ReadTableAsync(TableNamedLeaderStore.TableName));
        Assert.False((await _app.GetService<IRoleResolver>().GetRolesAsync(new() { AadObjectId = SaraObjectId }, TeamId, default)).IsTeamLeader);
    }

    [Fact]
    public async Task Without_a_person_the_coordinator_is_told_how()
    {
        await _app.SendActivityAsync(ChannelMention("teamledare lägg till någon"));

        Assert.StartsWith("Nämn personen med @", LastReply(), StringComparison.Ordinal);
        Assert.Empty(await _app.ReadTableAsync(TableNamedLeaderStore.TableName));
    }

    [Fact]
    public async Task A_mentioned_person_missing_from_the_roster_is_not_named()
    {
        var stranger = User("29:1okand", "Okänd Person", "99999999-9999-4999-8999-999999999999");

        await _app.SendActivityAsync(ChannelMentionOf("teamledare lägg till", stranger, from: Karin));

        Assert.Equal("Jag hittar inte Okänd Person bland teamets medlemmar.", LastReply());
        Assert.Empty(await _app.ReadTableAsync(TableNamedLeaderStore.TableName));
    }

    [Fact]
    public async Task In_personal_chat_the_coordinator_is_sent_to_the_team()
    {
        await _app.SendActivityAsync(PersonalMessage($"teamledare lägg till {SaraObjectId}"));

        Assert.StartsWith("Det här gäller ett team", LastReply(), StringComparison.Ordinal);
        Assert.Empty(await _app.ReadTableAsync(TableNamedLeaderStore.TableName));
    }

    [Fact]
    public async Task The_coordinators_help_lists_the_leader_commands_and_a_members_does_not()
    {
        await _app.SendActivityAsync(ChannelMention("hjälp"));
        Assert.Contains("teamledare lägg till", _app.Connector.Posts.Last().Card!.ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);

        await _app.SendActivityAsync(ChannelMention("hjälp", from: Sara));
        Assert.DoesNotContain("teamledare lägg till", _app.Connector.Posts.Last().Card!.ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
    }

    private string? LastReply() => _app.Connector.Posts.Last().Text;
}
