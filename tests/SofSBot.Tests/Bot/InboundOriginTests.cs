using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Moq;
using SofSBot.BotFramework.Connector;
using SofSBot.TeamsEvents;
using SofSBot.Tests.Infrastructure;
using SofSBot.TestSupport;
using static SofSBot.Tests.Infrastructure.TeamsActivities;

namespace SofSBot.Tests.Bot;

/// <summary>
/// Only Microsoft Teams, and only the organisation's own tenants, may act on the bot's data: an
/// activity with a valid Bot Framework token but another channel (Web Chat, Direct Line, where the
/// client chooses <c>from</c>) or another tenant is refused with 403, stores nothing, sends nothing,
/// and leaves one log line that names no one.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class InboundOriginTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string AppId = "0f0e0d0c-1b1a-4928-8776-655443322110";
    private const string OtherTenant = "0badbad0-1111-4222-8333-444455556666";

    // Bot Framework's keys vouch for several channels; the endorsement check alone lets these in.
    private readonly FakeBotFrameworkSigner _signer = new("msteams", "webchat", "directline", "emulator");
    private SofSBotApp _app = null!;

    public Task InitializeAsync()
    {
        var tokens = new Mock<IBotTokenProvider>();
        tokens.Setup(t => t.GetTokenAsync(It.IsAny<CancellationToken>())).ReturnsAsync("connector-token");
        _app = new SofSBotApp(
            azurite,
            appId: AppId,
            settings: new Dictionary<string, string?> { ["Bot:OpenIdMetadataUrl"] = FakeBotFrameworkSigner.MetadataUrl },
            services: services => services.Replace(ServiceDescriptor.Singleton(tokens.Object)));
        _app.Connector.OtherService = _signer.Answer;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _signer.Dispose();
    }

    [Fact]
    public async Task Teams_activity_with_a_valid_token_from_the_bots_tenant_is_handled()
    {
        using var response = await SendSignedAsync(InstalledInTeam());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(await _app.ReadTableAsync(TableTeamStore.TableName));
    }

    [Theory]
    [InlineData("webchat")]
    [InlineData("directline")]
    [InlineData("emulator")]
    public async Task Activity_from_another_channel_with_a_valid_token_is_refused_and_changes_nothing(string channelId)
    {
        var install = InstalledInTeam();
        install["channelId"] = channelId;

        using var response = await SendSignedAsync(install);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertNothingStoredOrSentAsync();
    }

    [Fact]
    public async Task Activity_from_another_tenant_is_refused_and_logged_once_without_naming_anyone()
    {
        var install = InstalledInTeam();
        install["conversation"]!["tenantId"] = OtherTenant;
        install["channelData"]!["tenant"]!["id"] = OtherTenant;

        using var response = await SendSignedAsync(install);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertNothingStoredOrSentAsync();
        var refusal = Assert.Single(_app.Logs.Lines, line => line.Level >= LogLevel.Warning);
        Assert.Contains("tenant", refusal.Message, StringComparison.Ordinal);
        foreach (var personal in new[] { OtherTenant, "Karin", Karin["id"]!.GetValue<string>(), Karin["aadObjectId"]!.GetValue<string>(), TeamId, TeamName })
        {
            Assert.DoesNotContain(personal, refusal.Message, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("channelData")]
    [InlineData("conversation")]
    public async Task Activity_whose_two_tenant_ids_disagree_is_refused(string whereTheOtherTenantIs)
    {
        var message = PersonalMessage("mina data");
        if (whereTheOtherTenantIs == "channelData")
        {
            message["channelData"]!["tenant"]!["id"] = OtherTenant;
        }
        else
        {
            message["conversation"]!["tenantId"] = OtherTenant;
        }

        using var response = await SendSignedAsync(message);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertNothingStoredOrSentAsync();
    }

    [Fact]
    public async Task Activity_that_names_no_tenant_is_refused()
    {
        var message = PersonalMessage("hjälp");
        message["channelData"]!.AsObject().Remove("tenant");
        message["conversation"]!.AsObject().Remove("tenantId");

        using var response = await SendSignedAsync(message);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertNothingStoredOrSentAsync();
    }

    [Fact]
    public async Task A_tenant_in_Bot_AllowedTenants_is_let_in_besides_the_bots_own_when_both_are_listed()
    {
        await using var app = new SofSBotApp(azurite, settings: new Dictionary<string, string?>
        {
            ["Bot:AllowedTenants:0"] = TenantId,
            ["Bot:AllowedTenants:1"] = OtherTenant,
        });
        var install = InstalledInTeam();
        install["conversation"]!["tenantId"] = OtherTenant.ToUpperInvariant();
        install["channelData"]!["tenant"]!["id"] = OtherTenant;

        using var response = await app.SendActivityAsync(install);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(await app.ReadTableAsync(TableTeamStore.TableName));
    }

    [Theory]
    [InlineData("webchat", TenantId)]
    [InlineData("msteams", OtherTenant)]
    public async Task Anonymous_local_mode_too_takes_only_Teams_activities_from_an_allowed_tenant(string channelId, string tenantId)
    {
        await using var app = new SofSBotApp(azurite);
        var install = InstalledInTeam();
        install["channelId"] = channelId;
        install["conversation"]!["tenantId"] = tenantId;
        install["channelData"]!["tenant"]!["id"] = tenantId;

        using var response = await app.SendActivityAsync(install);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await app.ReadEveryTableAsync());
        Assert.Empty(app.Connector.Calls);
    }

    private async Task<HttpResponseMessage> SendSignedAsync(JsonObject activity) =>
        await _app.SendActivityAsync(activity, _signer.CreateToken(AppId, activity["serviceUrl"]!.GetValue<string>(), DateTimeOffset.UtcNow));

    private async Task AssertNothingStoredOrSentAsync()
    {
        Assert.Empty(await _app.ReadEveryTableAsync());
        Assert.Empty(_app.Connector.Calls);
    }
}
