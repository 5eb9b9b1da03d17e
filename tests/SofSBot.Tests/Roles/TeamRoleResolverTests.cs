using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Moq;
using RichardSzalay.MockHttp;
using SofSBot.BotFramework.Activities;
using SofSBot.BotFramework.Connector;
using SofSBot.BotFramework.Hosting;
using SofSBot.Roles;
using SofSBot.Storage;
using SofSBot.TeamsEvents;
using SofSBot.TestSupport;

namespace SofSBot.Tests.Roles;

/// <summary>
/// Roles through the real registrations: team and named leaders in Azurite, Microsoft Graph mocked at
/// the HTTP boundary with the recorded shape of <c>GET /teams/{id}/members</c> (two pages), and the
/// bot's token source (the protocol layer's seam) substituted.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TeamRoleResolverTests(AzuriteFixture azurite) : IDisposable
{
    private const string TeamId = "19:f3e2d1c0b9a84f7e6d5c4b3a2f1e0d9c@thread.tacv2";
    private const string AadGroupId = "d1c2b3a4-9e8f-4a7b-8c6d-5e4f3a2b1c0d";
    private const string MembersUrl = $"https://graph.microsoft.com/v1.0/teams/{AadGroupId}/members";
    private const string SkipToken = "RFNwdAIAAQAAAB86bWVtYmVyczpkMWMyYjNhNC05ZThm";
    private const string GraphToken = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.graph";

    private static readonly ChannelAccount Karin = new() { Id = "29:1karin", Name = "Karin Lindqvist", AadObjectId = "6b3f9a2e-1c4d-4e8f-9a0b-2c3d4e5f6a7b" };
    private static readonly ChannelAccount Sara = new() { Id = "29:1sara", Name = "Sara Nilsson", AadObjectId = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d" };
    private static readonly ChannelAccount Erik = new() { Id = "29:1erik", Name = "Erik Holm", AadObjectId = "7E8F9A0B-1C2D-4E3F-8A4B-5C6D7E8F9A0B" };
    private static readonly ChannelAccount Lena = new() { Id = "29:1lena", Name = "Lena Gäst", AadObjectId = "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e" };
    private static readonly ChannelAccount Coordinator = new() { Id = "29:1maria", Name = "Maria Samordnare", AadObjectId = "0c0c0c0c-1111-4222-8333-444455556666" };

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 9, 8, 0, 0, TimeSpan.Zero));
    private readonly MockHttpMessageHandler _graph = new();
    private readonly Mock<IBotAccessTokenSource> _tokens = new(MockBehavior.Strict);
    private readonly List<IHost> _hosts = [];
    private MockedRequest? _firstPage;
    private MockedRequest? _secondPage;

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));

    private CancellationToken Ct => _timeout.Token;

    [Fact]
    public async Task An_owner_of_the_team_is_its_leader()
    {
        var resolver = await StartAsync();

        var roles = await resolver.GetRolesAsync(Karin, TeamId, Ct);

        Assert.True(roles.IsTeamLeader);
        Assert.False(roles.IsCoordinator);
        Assert.Equal(1, _graph.GetMatchCount(_firstPage!));
        Assert.Equal(1, _graph.GetMatchCount(_secondPage!));
        _tokens.Verify(t => t.GetTokenAsync("https://graph.microsoft.com/.default", It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task An_owner_on_the_second_page_is_a_leader_too()
    {
        var resolver = await StartAsync();

        Assert.True((await resolver.GetRolesAsync(Erik, TeamId, Ct)).IsTeamLeader);
    }

    [Fact]
    public async Task A_member_or_guest_who_owns_nothing_is_not_a_leader()
    {
        var resolver = await StartAsync();

        Assert.False((await resolver.GetRolesAsync(Sara, TeamId, Ct)).IsTeamLeader);
        Assert.False((await resolver.GetRolesAsync(Lena, TeamId, Ct)).IsTeamLeader);
    }

    [Fact]
    public async Task Owners_are_read_once_within_five_minutes_and_again_after()
    {
        var resolver = await StartAsync();
        await resolver.GetRolesAsync(Karin, TeamId, Ct);

        _time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        Assert.True((await resolver.GetRolesAsync(Karin, TeamId, Ct)).IsTeamLeader);
        Assert.False((await resolver.GetRolesAsync(Sara, TeamId, Ct)).IsTeamLeader);
        Assert.Equal(1, _graph.GetMatchCount(_firstPage!));

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await resolver.GetRolesAsync(Karin, TeamId, Ct)).IsTeamLeader);
        Assert.Equal(2, _graph.GetMatchCount(_firstPage!));
    }

    [Fact]
    public async Task The_cache_duration_is_configurable()
    {
        var resolver = await StartAsync(settings: new() { ["Roles:OwnerCacheDuration"] = "00:00:30" });
        await resolver.GetRolesAsync(Karin, TeamId, Ct);

        _time.Advance(TimeSpan.FromSeconds(30));
        await resolver.GetRolesAsync(Karin, TeamId, Ct);

        Assert.Equal(2, _graph.GetMatchCount(_firstPage!));
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task A_graph_failure_leaves_leadership_unknown_and_is_not_cached(HttpStatusCode status)
    {
        var failure = _graph.When(HttpMethod.Get, MembersUrl).WithExactQueryString(string.Empty)
            .Respond(status, "application/json", """{"error":{"code":"Forbidden","message":"Missing role permissions on the request.","innerError":{"request-id":"4d9e7c1a"}}}""");
        var resolver = await StartAsync();

        var roles = await resolver.GetRolesAsync(Karin, TeamId, Ct);
        Assert.False(roles.IsTeamLeader);
        Assert.True(roles.LeadershipUnknown);
        Assert.Equal(1, _graph.GetMatchCount(failure));

        // Graph answers again: the owner is a leader at once, nothing "not an owner" was remembered.
        _graph.Clear();
        RespondWithMembers();
        Assert.True((await resolver.GetRolesAsync(Karin, TeamId, Ct)).IsTeamLeader);
    }

    [Fact]
    public async Task A_next_page_on_another_host_is_not_followed_and_gets_no_token()
    {
        const string Elsewhere = "https://graph.example.net/v1.0/teams/" + AadGroupId + "/members";
        var first = _graph.When(HttpMethod.Get, MembersUrl).WithExactQueryString(string.Empty)
            .Respond("application/json", GraphPage("team-members-page1.json").Replace("https://graph.microsoft.com/", "https://graph.example.net/", StringComparison.Ordinal));
        var elsewhere = _graph.When(HttpMethod.Get, Elsewhere).Respond("application/json", GraphPage("team-members-page2.json"));
        var resolver = await StartAsync();

        var roles = await resolver.GetRolesAsync(Sara, TeamId, Ct);

        Assert.True(roles.LeadershipUnknown);
        Assert.Equal(1, _graph.GetMatchCount(first));
        Assert.Equal(0, _graph.GetMatchCount(elsewhere));
    }

    [Fact]
    public async Task Members_are_read_through_the_graph_sdk_and_every_page_is_followed()
    {
        // Three pages: the second links on to a third, as Graph does for large teams.
        var third = _graph.When(HttpMethod.Get, MembersUrl).WithQueryString("$skiptoken", "page3")
            .WithHeaders("Authorization", $"Bearer {GraphToken}")
            .Respond("application/json", """{"value":[{"@odata.type":"#microsoft.graph.aadUserConversationMember","roles":["owner"],"userId":"3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f"}]}""");
        _graph.When(HttpMethod.Get, MembersUrl).WithQueryString("$skiptoken", SkipToken)
            .WithHeaders("Authorization", $"Bearer {GraphToken}")
            .Respond("application/json", GraphPage("team-members-page2.json").Replace("\"value\"", $"\"@odata.nextLink\":\"{MembersUrl}?$skiptoken=page3\",\"value\"", StringComparison.Ordinal));
        var resolver = await StartAsync();

        var nils = new ChannelAccount { Id = "29:1nils", Name = "Nils Ek", AadObjectId = "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f" };
        Assert.True((await resolver.GetRolesAsync(nils, TeamId, Ct)).IsTeamLeader);
        Assert.Equal(1, _graph.GetMatchCount(third));
    }

    [Fact]
    public async Task No_graph_token_leaves_leadership_unknown_and_is_tried_again()
    {
        _tokens.SetupSequence(t => t.GetTokenAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("AADSTS7000215: Invalid client secret provided."))
            .ReturnsAsync(GraphToken);
        var resolver = await StartAsync(setUpToken: false);

        var first = await resolver.GetRolesAsync(Karin, TeamId, Ct);
        Assert.False(first.IsTeamLeader);
        Assert.True(first.LeadershipUnknown);
        Assert.True((await resolver.GetRolesAsync(Karin, TeamId, Ct)).IsTeamLeader);
    }

    [Fact]
    public async Task An_anonymous_bot_never_asks_graph_and_owners_do_not_lead()
    {
        var resolver = await StartAsync(appId: string.Empty);

        var roles = await resolver.GetRolesAsync(Karin, TeamId, Ct);

        Assert.False(roles.IsTeamLeader);
        Assert.Equal(0, _graph.GetMatchCount(_firstPage!));
        _tokens.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_named_leader_leads_also_without_graph()
    {
        var resolver = await StartAsync(appId: string.Empty);
        await NamedLeaders.AddAsync(new NamedLeader(TeamId, Sara.AadObjectId!, Sara.Name, Coordinator.AadObjectId, _time.GetUtcNow()), Ct);

        Assert.True((await resolver.GetRolesAsync(Sara, TeamId, Ct)).IsTeamLeader);
        Assert.False((await resolver.GetRolesAsync(Sara, "19:another-team@thread.tacv2", Ct)).IsTeamLeader);
    }

    [Fact]
    public async Task A_named_leader_is_a_leader_without_reading_the_owners()
    {
        var resolver = await StartAsync();
        await NamedLeaders.AddAsync(new NamedLeader(TeamId, Sara.AadObjectId!, Sara.Name, Coordinator.AadObjectId, _time.GetUtcNow()), Ct);

        Assert.True((await resolver.GetRolesAsync(Sara, TeamId, Ct)).IsTeamLeader);
        Assert.Equal(0, _graph.GetMatchCount(_firstPage!));
    }

    [Fact]
    public async Task A_team_without_a_known_group_id_has_only_named_leaders()
    {
        var resolver = await StartAsync(installTeam: false);

        Assert.False((await resolver.GetRolesAsync(Karin, TeamId, Ct)).IsTeamLeader);
        Assert.Equal(0, _graph.GetMatchCount(_firstPage!));
    }

    [Fact]
    public async Task Coordinators_come_from_configuration_and_lead_no_team_by_that()
    {
        var resolver = await StartAsync();

        var inChat = await resolver.GetRolesAsync(Coordinator, teamId: null, Ct);
        var inTeam = await resolver.GetRolesAsync(Coordinator, TeamId, Ct);

        Assert.Equal(new UserRoles(IsTeamLeader: false, IsCoordinator: true), inChat);
        Assert.Equal(new UserRoles(IsTeamLeader: false, IsCoordinator: true), inTeam);
        Assert.True(inTeam.Allows(CommandAudience.TeamLeaders));
    }

    [Fact]
    public async Task A_user_without_an_entra_id_is_a_member()
    {
        var resolver = await StartAsync();

        Assert.Equal(UserRoles.Member, await resolver.GetRolesAsync(new ChannelAccount { Id = "29:anonymous" }, TeamId, Ct));
    }

    [Fact]
    public async Task An_invalid_cache_duration_stops_the_start()
    {
        var exception = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            StartAsync(settings: new() { ["Roles:OwnerCacheDuration"] = "02:00:00" }, installTeam: false));

        Assert.Contains("OwnerCacheDuration", exception.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        foreach (var host in _hosts)
        {
            host.Dispose();
        }

        _graph.Dispose();
        _timeout.Dispose();
    }

    private INamedLeaderStore NamedLeaders => _hosts[^1].Services.GetRequiredService<INamedLeaderStore>();

    private async Task<IRoleResolver> StartAsync(
        string appId = "0f0e0d0c-1b1a-4928-8776-655443322110",
        Dictionary<string, string?>? settings = null,
        bool installTeam = true,
        bool setUpToken = true)
    {
        if (setUpToken)
        {
            _tokens.Setup(t => t.GetTokenAsync("https://graph.microsoft.com/.default", It.IsAny<CancellationToken>())).ReturnsAsync(GraphToken);
        }

        RespondWithMembers();
        _graph.Fallback.Respond(request => throw new InvalidOperationException($"Unexpected request {request.Method} {request.RequestUri}"));

        // An anonymous bot (empty app id) is allowed in Development only.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = appId.Length == 0 ? "Development" : "Testing", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Tables"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = "r" + Guid.NewGuid().ToString("N")[..12],
            ["Bot:AppId"] = appId,
            ["Bot:AllowAnonymous"] = appId.Length == 0 ? "true" : "false",
            ["Bot:TenantId"] = "9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f",
            ["Bot:AppType"] = "SingleTenant",
            ["Bot:ClientSecret"] = "not-a-real-secret",
            ["Roles:Coordinators:0"] = Coordinator.AadObjectId,
        });
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        builder.Services.AddSingleton<TimeProvider>(_time);
        builder.Services.AddSingleton(_tokens.Object);
        builder.AddBotFramework();
        builder.AddTableStorage();
        builder.Services.AddSingleton<ITeamStore, TableTeamStore>();
        builder.AddRoles();
        builder.Services.ConfigureHttpClientDefaults(client => client.ConfigurePrimaryHttpMessageHandler(() => _graph));
        var host = builder.Build();
        _hosts.Add(host);
        host.Services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();

        if (installTeam)
        {
            await host.Services.GetRequiredService<ITeamStore>().MarkInstalledAsync(
                new TeamInstallation(TeamId, "Utredningsteam 1", "9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f", "https://smba.trafficmanager.net/emea/", AadGroupId), Ct);
        }

        return host.Services.GetRequiredService<IRoleResolver>();
    }

    private void RespondWithMembers()
    {
        _secondPage = _graph.When(HttpMethod.Get, MembersUrl)
            .WithQueryString("$skiptoken", SkipToken)
            .WithHeaders("Authorization", $"Bearer {GraphToken}")
            .Respond("application/json", GraphPage("team-members-page2.json"));
        _firstPage = _graph.When(HttpMethod.Get, MembersUrl)
            .WithExactQueryString(string.Empty)
            .WithHeaders("Authorization", $"Bearer {GraphToken}")
            .Respond("application/json", GraphPage("team-members-page1.json"));
    }

    private static string GraphPage(string file) =>
        File.ReadAllText(RepositoryPaths.Combine("tests", "SofSBot.Tests", "TestData", "Graph", file));
}
