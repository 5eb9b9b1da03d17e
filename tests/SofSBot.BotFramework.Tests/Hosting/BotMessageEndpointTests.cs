using System.Net;
using System.Text.Json;
using SofSBot.BotFramework.Cards;
using SofSBot.BotFramework.Invoke;

namespace SofSBot.BotFramework.Tests.Hosting;

public sealed class BotMessageEndpointTests
{
    private const string AppId = "00000000-1111-2222-3333-444444444444";

    private const string Message = """
        {"type":"message","id":"1","text":"hjälp","serviceUrl":"https://smba.trafficmanager.net/emea/",
         "channelId":"msteams","conversation":{"id":"a:1","tenantId":"9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f"},"from":{"id":"29:1"},"recipient":{"id":"28:bot"}}
        """;

    [Fact]
    public async Task Valid_activity_reaches_the_application_and_gets_200()
    {
        await using var host = await BotEndpointHost.StartAsync(AppId);

        using var response = await host.PostAsync(Message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("hjälp", Assert.Single(host.Handler.Received).Text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task Missing_bearer_token_gets_401_and_reaches_nothing(string? authorization)
    {
        await using var host = await BotEndpointHost.StartAsync(AppId);

        using var response = await host.PostAsync(Message, authorization);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Handler.Received);
    }

    [Fact]
    public async Task Token_the_authenticator_refuses_gets_401_and_reaches_nothing()
    {
        await using var host = await BotEndpointHost.StartAsync(AppId);

        using var response = await host.PostAsync(Message, "Bearer forged");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Handler.Received);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("""{"type":"message"}""")]
    [InlineData("""{"type":"message","serviceUrl":"not a url","conversation":{"id":"a:1"}}""")]
    [InlineData("""{"type":"message","serviceUrl":"ftp://x/","conversation":{"id":"a:1"}}""")]
    [InlineData("""{"type":"","serviceUrl":"https://x/","conversation":{"id":"a:1"}}""")]
    [InlineData("""{"type":"message","serviceUrl":"https://x/","conversation":{}}""")]
    [InlineData("""{"type":"message","serviceUrl":"https://x/","conversation":{"id":"a:1"},"timestamp":"yesterday"}""")]
    public async Task Malformed_activity_gets_400_and_reaches_nothing(string body)
    {
        await using var host = await BotEndpointHost.StartAsync(AppId);

        using var response = await host.PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Handler.Received);
    }

    [Fact]
    public async Task Oversized_body_gets_413_and_reaches_nothing()
    {
        await using var host = await BotEndpointHost.StartAsync(AppId, maxActivityBytes: 4_096);
        var huge = Message.Replace("\"hjälp\"", "\"" + new string('x', 5_000) + "\"", StringComparison.Ordinal);

        using var response = await host.PostAsync(huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(host.Handler.Received);
    }

    [Fact]
    public async Task Body_that_is_not_json_gets_415()
    {
        await using var host = await BotEndpointHost.StartAsync(AppId);

        using var response = await host.PostAsync(Message, contentType: "text/plain");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Empty(host.Handler.Received);
    }

    [Fact]
    public async Task Without_an_app_id_calls_need_no_token()
    {
        await using var host = await BotEndpointHost.StartAsync(appId: null);

        using var response = await host.PostAsync(Message, authorization: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(host.Handler.Received);
    }

    [Theory]
    [InlineData("\"channelId\":\"msteams\"", "\"channelId\":\"webchat\"")]
    [InlineData("\"channelId\":\"msteams\"", "\"channelId\":\"directline\"")]
    [InlineData("9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f", "0badbad0-1111-4222-8333-444455556666")]
    [InlineData(",\"tenantId\":\"9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f\"", "")]
    public async Task Authenticated_activity_from_another_channel_or_tenant_gets_403_and_reaches_nothing(string part, string replacement)
    {
        await using var host = await BotEndpointHost.StartAsync(AppId);

        using var response = await host.PostAsync(Message.Replace(part, replacement, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(host.Handler.Received);
    }

    [Fact]
    public async Task Anonymous_mode_also_refuses_another_channel()
    {
        await using var host = await BotEndpointHost.StartAsync(appId: null);

        using var response = await host.PostAsync(Message.Replace("msteams", "webchat", StringComparison.Ordinal), authorization: null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(host.Handler.Received);
    }

    [Theory]
    [InlineData("\"id\":\"a:1\"", "\"id\":\"a:1/2\"")]
    [InlineData("\"text\":\"hjälp\"", "\"text\":\"hj\\ud800lp\"")]
    [InlineData("\"from\":{\"id\":\"29:1\"}", "\"from\":{\"id\":\"29:1#x\"}")]
    public async Task Activity_with_an_id_that_cannot_be_a_key_or_with_invalid_text_gets_400(string part, string replacement)
    {
        await using var host = await BotEndpointHost.StartAsync(AppId);
        var body = Message.Replace(part, replacement, StringComparison.Ordinal);
        Assert.NotEqual(Message, body);

        using var response = await host.PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Handler.Received);
    }

    [Fact]
    public async Task Failure_in_the_application_gets_500_without_exception_text()
    {
        await using var host = await BotEndpointHost.StartAsync(AppId, _ => throw new InvalidOperationException("secret detail"));

        using var response = await host.PostAsync(Message);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain("secret detail", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_card_response_is_returned_in_the_shape_teams_expects()
    {
        var card = new AdaptiveCard { Body = [new TextBlock("Tack!")] };
        await using var host = await BotEndpointHost.StartAsync(AppId, _ => AdaptiveCardInvokeResponse.Card(card));

        using var response = await host.PostAsync(Invoke);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(200, json.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.card.adaptive", json.RootElement.GetProperty("type").GetString());
        var value = json.RootElement.GetProperty("value");
        Assert.Equal("AdaptiveCard", value.GetProperty("type").GetString());
        Assert.Equal("1.5", value.GetProperty("version").GetString());
        Assert.Equal("Tack!", value.GetProperty("body")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Invoke_message_response_is_returned_in_the_shape_teams_expects()
    {
        await using var host = await BotEndpointHost.StartAsync(AppId, _ => AdaptiveCardInvokeResponse.Message("Sparat."));

        using var response = await host.PostAsync(Invoke);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(200, json.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.activity.message", json.RootElement.GetProperty("type").GetString());
        Assert.Equal("Sparat.", json.RootElement.GetProperty("value").GetString());
    }

    [Fact]
    public async Task Invoke_error_response_is_returned_in_the_shape_teams_expects()
    {
        await using var host = await BotEndpointHost.StartAsync(AppId, _ => AdaptiveCardInvokeResponse.Error("invalidInput", "Välj ett värde 0–10."));

        using var response = await host.PostAsync(Invoke);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(400, json.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.error", json.RootElement.GetProperty("type").GetString());
        Assert.Equal("invalidInput", json.RootElement.GetProperty("value").GetProperty("code").GetString());
        Assert.Equal("Välj ett värde 0–10.", json.RootElement.GetProperty("value").GetProperty("message").GetString());
    }

    private const string Invoke = """
        {"type":"invoke","name":"adaptiveCard/action","id":"f:1","serviceUrl":"https://smba.trafficmanager.net/emea/",
         "channelId":"msteams","conversation":{"id":"19:c@thread.tacv2"},"from":{"id":"29:1"},"recipient":{"id":"28:bot"},
         "channelData":{"tenant":{"id":"9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f"}},
         "value":{"action":{"type":"Action.Execute","verb":"x","data":{}}}}
        """;
}
