using System.Net;
using System.Net.Http.Headers;
using Azure.Core;
using RichardSzalay.MockHttp;
using SofSBot.BotFramework.Activities;
using static SofSBot.BotFramework.Tests.Connector.ConnectorResponses;

namespace SofSBot.BotFramework.Tests.Connector;

public sealed class ConnectorAuthorizationTests : IDisposable
{
    private static readonly Activity Hello = new() { Type = ActivityTypes.Message, Text = "Hej!" };

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));

    private CancellationToken Ct => _timeout.Token;

    [Fact]
    public async Task Connector_calls_carry_the_bearer_token_fetched_once_and_renewed_after_it_nears_expiry()
    {
        ConnectorHarness? harness = null;
        var credential = new FakeCredential(call => new AccessToken($"token-{call}", harness!.Time.GetUtcNow().AddHours(1)));
        using (harness = ConnectorHarness.WithCredential(credential.Object))
        {
            harness.Mock.When("*").Respond(HttpStatusCode.OK, "application/json", Resource);

            for (var i = 0; i < 5; i++)
            {
                await harness.Client.SendToConversationAsync(ConnectorHarness.ServiceUrl, ChannelId, Hello, Ct);
            }

            await harness.Client.GetTeamDetailsAsync(ConnectorHarness.ServiceUrl, TeamId, Ct);
            harness.Time.Advance(TimeSpan.FromMinutes(56));
            await harness.Client.SendToConversationAsync(ConnectorHarness.ServiceUrl, ChannelId, Hello, Ct);

            Assert.All(harness.Requests.Take(6), request => Assert.Equal("Bearer token-1", request.Authorization));
            Assert.Equal("Bearer token-2", harness.Requests[6].Authorization);
            Assert.Equal(2, credential.Calls);
        }
    }

    [Fact]
    public async Task A_retry_after_the_token_is_due_for_renewal_carries_the_new_token()
    {
        ConnectorHarness? harness = null;
        var credential = new FakeCredential(call => new AccessToken($"token-{call}", harness!.Time.GetUtcNow().AddMinutes(6)));
        using (harness = ConnectorHarness.WithCredential(credential.Object))
        {
            harness.Mock.Expect("*").Respond(_ => new HttpResponseMessage(HttpStatusCode.TooManyRequests)
            {
                Headers = { RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(60)) },
            });
            harness.Mock.Expect("*").Respond(HttpStatusCode.OK, "application/json", Resource);

            var call = harness.Client.SendToConversationAsync(ConnectorHarness.ServiceUrl, ChannelId, Hello, Ct);
            await harness.Time.DriveAsync(call);
            await call;

            Assert.Equal(["Bearer token-1", "Bearer token-2"], harness.Requests.Select(r => r.Authorization));
        }
    }

    [Fact]
    public async Task An_anonymous_bot_sends_no_authorization_header()
    {
        using var harness = ConnectorHarness.Anonymous();
        harness.Mock.When("*").Respond(HttpStatusCode.OK, "application/json", Resource);

        await harness.Client.SendToConversationAsync(new Uri("http://localhost:56150/_connector"), "a:1", Hello, Ct);
        await harness.Client.SendToConversationAsync(ConnectorHarness.ServiceUrl, ChannelId, Hello, Ct);

        Assert.Equal(2, harness.Requests.Count);
        Assert.All(harness.Requests, request => Assert.Null(request.Authorization));
    }

    [Fact]
    public async Task The_token_is_never_sent_over_plain_http_to_another_machine()
    {
        var credential = new FakeCredential(_ => new AccessToken("token", DateTimeOffset.MaxValue));
        using var harness = ConnectorHarness.WithCredential(credential.Object);
        harness.Mock.When("*").Respond(HttpStatusCode.OK, "application/json", Resource);

        await harness.Client.SendToConversationAsync(new Uri("http://connector.example/"), "a:1", Hello, Ct);
        await harness.Client.SendToConversationAsync(new Uri("http://127.0.0.1:56150/_connector/"), "a:1", Hello, Ct);

        Assert.Null(harness.Requests[0].Authorization);
        Assert.Equal("Bearer token", harness.Requests[1].Authorization);
    }

    public void Dispose() => _timeout.Dispose();
}
