using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using RichardSzalay.MockHttp;
using SofSBot.BotFramework.Activities;
using SofSBot.BotFramework.Connector;
using static SofSBot.BotFramework.Tests.Connector.ConnectorResponses;

namespace SofSBot.BotFramework.Tests.Connector;

public sealed class ConnectorRetryTests : IDisposable
{
    private static readonly Activity Hello = new() { Type = ActivityTypes.Message, Text = "Hej!" };

    private readonly ConnectorHarness _harness = ConnectorHarness.Anonymous(new Dictionary<string, string?>
    {
        ["Bot:Connector:MaxAttempts"] = "4",
        ["Bot:Connector:MaxRetryAfter"] = "00:00:30",
    });

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));

    private CancellationToken Ct => _timeout.Token;

    [Fact]
    public async Task Too_many_requests_is_retried_and_then_succeeds()
    {
        _harness.Mock.Expect("*").Respond(HttpStatusCode.TooManyRequests);
        _harness.Mock.Expect("*").Respond(HttpStatusCode.Created, "application/json", Resource);

        var call = _harness.Client.SendToConversationAsync(ConnectorHarness.ServiceUrl, ChannelId, Hello, Ct);
        var delays = await _harness.Time.DriveAsync(call);

        Assert.Equal("1740912399001", (await call).Id);
        Assert.Equal(2, _harness.Requests.Count);
        var delay = Assert.Single(delays);
        Assert.InRange(delay, TimeSpan.Zero, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Retry_after_of_three_seconds_waits_three_seconds_of_fake_time()
    {
        _harness.Mock.Expect("*").Respond(_ => TooManyRequests(new RetryConditionHeaderValue(TimeSpan.FromSeconds(3))));
        _harness.Mock.Expect("*").Respond(HttpStatusCode.Created, "application/json", Resource);

        var call = _harness.Client.SendToConversationAsync(ConnectorHarness.ServiceUrl, ChannelId, Hello, Ct);
        var wait = await _harness.Time.NextTimerAsync();
        _harness.Time.Advance(TimeSpan.FromSeconds(3) - TimeSpan.FromMilliseconds(1));

        Assert.Equal(TimeSpan.FromSeconds(3), wait);
        Assert.False(call.IsCompleted);
        Assert.Single(_harness.Requests);

        _harness.Time.Advance(TimeSpan.FromMilliseconds(1));
        var response = await call.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.Equal("1740912399001", response.Id);
        Assert.Equal(2, _harness.Requests.Count);
    }

    [Fact]
    public async Task Retry_after_as_an_http_date_waits_until_that_moment()
    {
        var until = _harness.Time.GetUtcNow().AddSeconds(5);
        _harness.Mock.Expect("*").Respond(_ => TooManyRequests(new RetryConditionHeaderValue(until)));
        _harness.Mock.Expect("*").Respond(HttpStatusCode.Created, "application/json", Resource);

        var call = _harness.Client.SendToConversationAsync(ConnectorHarness.ServiceUrl, ChannelId, Hello, Ct);
        var delays = await _harness.Time.DriveAsync(call);

        Assert.Equal([TimeSpan.FromSeconds(5)], delays);
        Assert.Equal(until, _harness.Time.GetUtcNow());
    }

    [Fact]
    public async Task Retry_after_beyond_the_configured_limit_gives_up_at_once_rather_than_retrying_too_early()
    {
        _harness.Mock.Expect("*").Respond(_ => TooManyRequests(new RetryConditionHeaderValue(TimeSpan.FromMinutes(20))));

        var call = _harness.Client.SendToConversationAsync(ConnectorHarness.ServiceUrl, ChannelId, Hello, Ct);
        await _harness.Time.DriveAsync(call);

        var exception = await Assert.ThrowsAsync<ConnectorException>(() => call);
        Assert.Equal(HttpStatusCode.TooManyRequests, exception.StatusCode);
        Assert.Single(_harness.Requests);
    }

    [Theory]
    [InlineData(HttpStatusCode.PreconditionFailed)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task Transient_statuses_are_retried(HttpStatusCode status)
    {
        _harness.Mock.Expect("*").Respond(status);
        _harness.Mock.Expect("*").Respond(HttpStatusCode.OK, "application/json", Resource);

        var call = _harness.Client.UpdateActivityAsync(ConnectorHarness.ServiceUrl, ThreadId, "1740912345678", Hello, Ct);
        await _harness.Time.DriveAsync(call);

        Assert.Equal("1740912399001", (await call).Id);
        Assert.Equal(2, _harness.Requests.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task Other_failures_are_not_retried(HttpStatusCode status)
    {
        _harness.Mock.Expect("*").Respond(status, "application/json", Error);

        var call = _harness.Client.SendToConversationAsync(ConnectorHarness.ServiceUrl, ChannelId, Hello, Ct);
        var exception = await Assert.ThrowsAsync<ConnectorException>(() => call);

        Assert.Equal(status, exception.StatusCode);
        Assert.Single(_harness.Requests);
    }

    [Fact]
    public async Task The_client_gives_up_after_the_configured_attempts_with_a_ConnectorException()
    {
        _harness.Mock.When("*").Respond(HttpStatusCode.TooManyRequests);

        var call = _harness.Client.SendToConversationAsync(ConnectorHarness.ServiceUrl, ChannelId, Hello, Ct);
        await _harness.Time.DriveAsync(call);

        var exception = await Assert.ThrowsAsync<ConnectorException>(() => call);
        Assert.Equal(HttpStatusCode.TooManyRequests, exception.StatusCode);
        Assert.Equal(4, _harness.Requests.Count);
    }

    [Fact]
    public async Task Backoff_grows_exponentially_within_full_jitter_and_stops_at_the_cap()
    {
        using var harness = ConnectorHarness.Anonymous(new Dictionary<string, string?> { ["Bot:Connector:MaxAttempts"] = "6" });
        harness.Mock.When("*").Respond(HttpStatusCode.BadGateway);

        var call = harness.Client.UpdateActivityAsync(ConnectorHarness.ServiceUrl, ThreadId, "1740912345678", Hello, Ct);
        var delays = await harness.Time.DriveAsync(call);

        // Base 1 s, cap 8 s (harness defaults): ceilings 1, 2, 4, 8, 8.
        Assert.Equal(5, delays.Count);
        Assert.All(delays.Zip([1, 2, 4, 8, 8]), pair => Assert.InRange(pair.First, TimeSpan.Zero, TimeSpan.FromSeconds(pair.Second)));
        Assert.Equal(6, harness.Requests.Count);
    }

    [Theory]
    [InlineData(1, 0.5, 500)]
    [InlineData(2, 0.5, 1000)]
    [InlineData(3, 0.999, 3996)]
    [InlineData(5, 0.5, 4000)]
    [InlineData(40, 0.5, 4000)]
    [InlineData(2, 0.0, 0)]
    public void Backoff_is_a_random_share_of_the_doubling_delay_up_to_the_cap(int retry, double random, int expectedMilliseconds)
    {
        var delay = ConnectorRetryPolicy.Backoff(retry, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8), random);

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), delay);
    }

    [Fact]
    public async Task A_connection_that_could_not_be_opened_is_retried_also_for_a_post()
    {
        _harness.Mock.Expect("*").Throw(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"));
        _harness.Mock.Expect("*").Respond(HttpStatusCode.Created, "application/json", Resource);

        var call = _harness.Client.SendToConversationAsync(ConnectorHarness.ServiceUrl, ChannelId, Hello, Ct);
        await _harness.Time.DriveAsync(call);

        Assert.Equal("1740912399001", (await call).Id);
        Assert.Equal(2, _harness.Requests.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task A_new_thread_answered_with_a_gateway_error_is_not_posted_again(HttpStatusCode status)
    {
        // The gateway may have passed the post on before failing: a second POST could make a second card.
        _harness.Mock.Expect("*").Respond(status);
        _harness.Mock.Expect("*").Respond(HttpStatusCode.Created, "application/json", ChannelThreadCreated);

        var call = _harness.Client.CreateChannelThreadAsync(ConnectorHarness.ServiceUrl, ChannelId, TenantId, Hello, Ct);
        var exception = await Assert.ThrowsAsync<ConnectorException>(() => call);

        Assert.Equal(status, exception.StatusCode);
        Assert.Single(_harness.Requests);
    }

    [Fact]
    public async Task A_message_whose_answer_was_lost_mid_request_is_not_sent_again()
    {
        _harness.Mock.Expect("*").Throw(new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely."));
        _harness.Mock.Expect("*").Respond(HttpStatusCode.Created, "application/json", Resource);

        var call = _harness.Client.SendToConversationAsync(ConnectorHarness.ServiceUrl, ChannelId, Hello, Ct);
        var exception = await Assert.ThrowsAsync<ConnectorException>(() => call);

        Assert.Null(exception.StatusCode);
        Assert.Single(_harness.Requests);
    }

    [Fact]
    public async Task A_read_whose_answer_was_lost_mid_request_is_asked_again()
    {
        _harness.Mock.Expect("*").Throw(new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely."));
        _harness.Mock.Expect("*").Respond(HttpStatusCode.OK, "application/json", """{"conversations":[]}""");

        var call = _harness.Client.GetChannelsAsync(ConnectorHarness.ServiceUrl, TeamId, Ct);
        await _harness.Time.DriveAsync(call);

        Assert.Empty(await call);
        Assert.Equal(2, _harness.Requests.Count);
    }

    [Fact]
    public async Task Lasting_network_failure_ends_in_a_ConnectorException_without_status()
    {
        _harness.Mock.When("*").Throw(new HttpRequestException("No route to host"));

        var call = _harness.Client.GetChannelsAsync(ConnectorHarness.ServiceUrl, TeamId, Ct);
        await _harness.Time.DriveAsync(call);

        var exception = await Assert.ThrowsAsync<ConnectorException>(() => call);
        Assert.Null(exception.StatusCode);
        Assert.IsType<HttpRequestException>(exception.InnerException);
        Assert.Equal(4, _harness.Requests.Count);
    }

    [Fact]
    public async Task The_same_body_is_sent_again_on_a_retry()
    {
        _harness.Mock.Expect("*").Respond(HttpStatusCode.TooManyRequests);
        _harness.Mock.Expect("*").Respond(HttpStatusCode.Created, "application/json", ChannelThreadCreated);

        var call = _harness.Client.CreateChannelThreadAsync(ConnectorHarness.ServiceUrl, ChannelId, TenantId, Hello, Ct);
        await _harness.Time.DriveAsync(call);

        Assert.Equal(2, _harness.Requests.Count);
        Assert.Contains("Hej!", _harness.Requests[0].Body, StringComparison.Ordinal);
        Assert.Equal(_harness.Requests[0].Body, _harness.Requests[1].Body);
    }

    [Fact]
    public async Task A_streamed_body_is_buffered_so_that_a_retry_can_send_it_again()
    {
        var bodies = new List<string>();
        _harness.Mock.Expect("*").Respond(async request =>
        {
            bodies.Add(await RecordingHandler.WireBodyAsync(request.Content!, Ct));
            return new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        });
        _harness.Mock.Expect("*").Respond(async request =>
        {
            bodies.Add(await RecordingHandler.WireBodyAsync(request.Content!, Ct));
            return new HttpResponseMessage(HttpStatusCode.Created);
        });

        // The connector's own handler chain (retries, then the per-attempt handler), as the typed client uses it.
        using var client = _harness.Services.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(IConnectorClient));
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://smba.trafficmanager.net/emea/v3/conversations/a%3A1/activities")
        {
            // A stream that can be read once only, as a socket would consume it.
            Content = new StreamContent(new ReadOnceStream("""{"type":"message","text":"Hej!"}"""u8.ToArray())),
        };

        var call = client.SendAsync(request, Ct);
        await _harness.Time.DriveAsync(call);
        using var response = await call;

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(["""{"type":"message","text":"Hej!"}""", """{"type":"message","text":"Hej!"}"""], bodies);
    }

    [Fact]
    public async Task Within_a_turn_no_retry_starts_that_could_not_end_before_the_turns_deadline()
    {
        _harness.Mock.Expect("*").Respond(_ => TooManyRequests(new RetryConditionHeaderValue(TimeSpan.FromSeconds(3))));
        _harness.Mock.Expect("*").Respond(_ => TooManyRequests(new RetryConditionHeaderValue(TimeSpan.FromSeconds(3))));
        _harness.Mock.Expect("*").Respond(HttpStatusCode.Created, "application/json", Resource);
        using var turn = ConnectorTurnBudget.Begin(_harness.Time.GetUtcNow() + TimeSpan.FromSeconds(5));

        var call = _harness.Client.SendToConversationAsync(ConnectorHarness.ServiceUrl, ChannelId, Hello, Ct);

        // The call's deadline, then the first wait; a second wait of 3 s would end after the deadline.
        Assert.Equal(TimeSpan.FromSeconds(5), await _harness.Time.NextTimerAsync());
        Assert.Equal(TimeSpan.FromSeconds(3), await _harness.Time.NextTimerAsync());
        _harness.Time.Advance(TimeSpan.FromSeconds(3));
        var exception = await Assert.ThrowsAsync<ConnectorException>(() => call.WaitAsync(TimeSpan.FromSeconds(10), Ct));

        Assert.Equal(HttpStatusCode.TooManyRequests, exception.StatusCode);
        Assert.Equal(2, _harness.Requests.Count);
    }

    [Fact]
    public async Task Within_a_turn_a_call_that_gets_no_answer_ends_at_the_turns_deadline()
    {
        using var harness = ConnectorHarness.Anonymous(primary: new NeverAnswers());
        using var turn = ConnectorTurnBudget.Begin(harness.Time.GetUtcNow() + TimeSpan.FromSeconds(5));

        var call = harness.Client.GetChannelsAsync(ConnectorHarness.ServiceUrl, TeamId, Ct);
        Assert.Equal(TimeSpan.FromSeconds(5), await harness.Time.NextTimerAsync());
        harness.Time.Advance(TimeSpan.FromSeconds(5));
        var exception = await Assert.ThrowsAsync<ConnectorException>(() => call.WaitAsync(TimeSpan.FromSeconds(10), Ct));

        Assert.Null(exception.StatusCode);
        Assert.Single(harness.Requests);
    }

    [Fact]
    public async Task A_turns_budget_ends_with_the_turn_also_for_work_it_left_running()
    {
        Task<DateTimeOffset?> later;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (ConnectorTurnBudget.Begin(_harness.Time.GetUtcNow() + TimeSpan.FromSeconds(5)))
        {
            Assert.NotNull(ConnectorTurnBudget.Deadline);

            // Background work started in the turn inherits its flow, and so the budget while the turn lasts.
            later = Task.Run(async () =>
            {
                await gate.Task;
                return ConnectorTurnBudget.Deadline;
            });
        }

        gate.SetResult();
        Assert.Null(ConnectorTurnBudget.Deadline);
        Assert.Null(await later);
    }

    [Fact]
    public async Task Cancelling_during_a_backoff_stops_without_another_attempt()
    {
        _harness.Mock.When("*").Respond(HttpStatusCode.TooManyRequests);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var call = _harness.Client.SendToConversationAsync(ConnectorHarness.ServiceUrl, ChannelId, Hello, cancel.Token);
        await _harness.Time.NextTimerAsync();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(_harness.Requests);
    }

    public void Dispose()
    {
        _harness.Dispose();
        _timeout.Dispose();
    }

    /// <summary>A server that accepts the request and never answers, until the caller gives up.</summary>
    private sealed class NeverAnswers : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK);
        }
    }

    private static HttpResponseMessage TooManyRequests(RetryConditionHeaderValue retryAfter)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = retryAfter;
        return response;
    }
}
