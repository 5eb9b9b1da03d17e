using System.Net;
using SofSBot.Storage;
using SofSBot.TeamsEvents;
using SofSBot.Tests.Infrastructure;
using SofSBot.TestSupport;
using static SofSBot.Tests.Infrastructure.TeamsActivities;

namespace SofSBot.Tests.Bot;

/// <summary>With an app id configured, nothing without Teams' signature gets in or changes anything.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class InboundAuthenticationTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly SofSBotApp _app = new(azurite, appId: "0f0e0d0c-1b1a-4928-8776-655443322110");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-jwt")]
    [InlineData("eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJpc3MiOiJodHRwczovL2FwaS5ib3RmcmFtZXdvcmsuY29tIn0.")]
    public async Task Install_without_a_valid_token_gets_401_and_stores_and_sends_nothing(string? token)
    {
        using var response = await _app.SendActivityAsync(InstalledInTeam(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await _app.ReadTableAsync(TableTeamStore.TableName));
        Assert.Empty(await _app.ReadTableAsync(TableClaimStore.TableName));
        Assert.Empty(_app.Connector.Calls);
    }

    [Fact]
    public async Task Malformed_json_gets_400()
    {
        using var client = _app.CreateClient();
        using var content = new StringContent("{\"type\":\"message\",", System.Text.Encoding.UTF8, "application/json");
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "x.y.z");

        using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_app.Connector.Calls);
    }

    [Fact]
    public async Task Oversized_body_is_refused()
    {
        var huge = PersonalMessage(new string('x', 300 * 1024));

        using var response = await _app.SendActivityAsync(huge, "x.y.z");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_app.Connector.Calls);
    }

    [Fact]
    public async Task App_still_answers_after_a_flood_of_bad_requests()
    {
        for (var i = 0; i < 20; i++)
        {
            using var bad = await _app.SendActivityAsync(InstalledInTeam(), "garbage");
        }

        using var client = _app.CreateClient();
        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
