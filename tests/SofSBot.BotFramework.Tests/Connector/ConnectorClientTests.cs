using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Core;
using RichardSzalay.MockHttp;
using SofSBot.BotFramework.Activities;
using SofSBot.BotFramework.Connector;
using static SofSBot.BotFramework.Tests.Connector.ConnectorResponses;

namespace SofSBot.BotFramework.Tests.Connector;

public sealed class ConnectorClientTests : IDisposable
{
    private const string Base = "https://smba.trafficmanager.net/emea/";
    private const string EscapedChannel = "19%3Ac1a2b3c4d5e6f708192a3b4c5d6e7f80%40thread.tacv2";

    private static readonly Activity Hello = new() { Type = ActivityTypes.Message, Text = "Hej!", TextFormat = "plain" };

    private readonly ConnectorHarness _harness = ConnectorHarness.Anonymous();
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));

    private CancellationToken Ct => _timeout.Token;

    [Fact]
    public async Task Send_posts_the_activity_to_the_conversations_activities()
    {
        _harness.Mock.When("*").Respond(HttpStatusCode.Created, "application/json", Resource);

        var response = await _harness.Client.SendToConversationAsync(ConnectorHarness.ServiceUrl, ChannelId, Hello, Ct);

        var request = Assert.Single(_harness.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal($"{Base}v3/conversations/{EscapedChannel}/activities", request.Uri);
        AssertJson("""{"type":"message","text":"Hej!","textFormat":"plain"}""", request.Body);
        Assert.Equal("1740912399001", response.Id);
    }

    [Fact]
    public async Task Reply_posts_into_the_thread_with_every_id_escaped()
    {
        _harness.Mock.When("*").Respond(HttpStatusCode.Created, "application/json", Resource);

        var response = await _harness.Client.ReplyToActivityAsync(ConnectorHarness.ServiceUrl, ThreadId, "1740912345678", Hello, Ct);

        var request = Assert.Single(_harness.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal($"{Base}v3/conversations/{EscapedChannel}%3Bmessageid%3D1740912345678/activities/1740912345678", request.Uri);
        Assert.Equal("1740912399001", response.Id);
    }

    [Fact]
    public async Task Update_puts_the_activity_in_place_of_the_message()
    {
        _harness.Mock.When("*").Respond(HttpStatusCode.OK, "application/json", """{"id":"1740912345678"}""");
        var card = Hello with { Text = null, TextFormat = null, Attachments = [Attachment.AdaptiveCard(new { type = "AdaptiveCard", version = "1.5" })] };

        var response = await _harness.Client.UpdateActivityAsync(ConnectorHarness.ServiceUrl, ThreadId, "1740912345678", card, Ct);

        var request = Assert.Single(_harness.Requests);
        Assert.Equal(HttpMethod.Put, request.Method);
        Assert.Equal($"{Base}v3/conversations/{EscapedChannel}%3Bmessageid%3D1740912345678/activities/1740912345678", request.Uri);
        AssertJson(
            """{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{"type":"AdaptiveCard","version":"1.5"}}]}""",
            request.Body);
        Assert.Equal("1740912345678", response.Id);
    }

    [Fact]
    public async Task Creating_a_channel_thread_posts_a_group_conversation_and_returns_thread_and_message_ids()
    {
        _harness.Mock.When("*").Respond(HttpStatusCode.Created, "application/json", ChannelThreadCreated);

        var response = await _harness.Client.CreateChannelThreadAsync(ConnectorHarness.ServiceUrl, ChannelId, TenantId, Hello, Ct);

        var request = Assert.Single(_harness.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal($"{Base}v3/conversations", request.Uri);
        AssertJson(
            $$"""
            {"isGroup":true,
             "activity":{"type":"message","text":"Hej!","textFormat":"plain"},
             "channelData":{"channel":{"id":"{{ChannelId}}"},"tenant":{"id":"{{TenantId}}"} } }
            """,
            request.Body);
        Assert.Equal(ThreadId, response.Id);
        Assert.Equal("1740912345678", response.ActivityId);
    }

    [Fact]
    public async Task Creating_a_channel_thread_without_a_tenant_leaves_the_tenant_out()
    {
        _harness.Mock.When("*").Respond(HttpStatusCode.Created, "application/json", ChannelThreadCreated);

        await _harness.Client.CreateChannelThreadAsync(ConnectorHarness.ServiceUrl, ChannelId, null, Hello, Ct);

        var body = JsonNode.Parse(Assert.Single(_harness.Requests).Body!)!;
        Assert.Null(body["channelData"]!["tenant"]);
    }

    [Fact]
    public async Task Creating_a_personal_chat_posts_the_user_and_tenant_without_a_bot_when_anonymous()
    {
        _harness.Mock.When("*").Respond(HttpStatusCode.OK, "application/json", PersonalConversationCreated);

        var response = await _harness.Client.CreatePersonalConversationAsync(ConnectorHarness.ServiceUrl, UserId, TenantId, Ct);

        var request = Assert.Single(_harness.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal($"{Base}v3/conversations", request.Uri);
        AssertJson(
            $$"""
            {"isGroup":false,"members":[{"id":"{{UserId}}"}],"tenantId":"{{TenantId}}","channelData":{"tenant":{"id":"{{TenantId}}"} } }
            """,
            request.Body);
        Assert.Equal(PersonalConversationId, response.Id);
        Assert.Null(response.ActivityId);
    }

    [Fact]
    public async Task Creating_a_personal_chat_names_the_bot_by_its_app_id_when_it_has_one()
    {
        var credential = new FakeCredential(_ => new AccessToken("t", DateTimeOffset.MaxValue));
        using var harness = ConnectorHarness.WithCredential(credential.Object);
        harness.Mock.When("*").Respond(HttpStatusCode.OK, "application/json", PersonalConversationCreated);

        await harness.Client.CreatePersonalConversationAsync(ConnectorHarness.ServiceUrl, UserId, TenantId, Ct);

        var body = JsonNode.Parse(Assert.Single(harness.Requests).Body!)!;
        Assert.Equal("28:00000000-0000-0000-0000-00000000b07a", (string?)body["bot"]!["id"]);
    }

    [Fact]
    public async Task Paged_members_are_read_with_page_size_and_escaped_continuation_token()
    {
        _harness.Mock.When("*").Respond(HttpStatusCode.OK, "application/json", PagedMembers);

        var page = await _harness.Client.GetPagedMembersAsync(ConnectorHarness.ServiceUrl, TeamId, 50, "a:3Hd+/=", Ct);

        var request = Assert.Single(_harness.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal($"{Base}v3/conversations/19%3A7d2b6c1f0e9a4b3c8d5e6f7a8b9c0d1e%40thread.tacv2/pagedmembers?pageSize=50&continuationToken=a%3A3Hd%2B%2F%3D", request.Uri);
        Assert.Null(request.Body);
        Assert.Equal("a:3HdAs9hT5BvN6mK2pQ8wX1zR4yL7cE0fU3jG6iO9sD2aZ5xC8vB1nM4kJ7hG0fD3sA6", page.ContinuationToken);
        Assert.Equal(2, page.Members.Count);
        var anna = page.Members[0];
        Assert.Equal(UserId, anna.Id);
        Assert.Equal("Anna Andersson", anna.Name);
        Assert.Equal("6b9bd2c8-0c58-4a0e-9d4b-1c6f9e2b7a31", anna.AadObjectId);
        Assert.Equal("anna.andersson@contoso.example", anna.UserPrincipalName);
        Assert.Equal(TenantId, anna.TenantId);
        Assert.Equal("guest", page.Members[1].UserRole);
    }

    [Fact]
    public async Task The_last_page_of_members_has_no_continuation_token_and_no_query_is_sent_when_none_is_asked()
    {
        _harness.Mock.When("*").Respond(HttpStatusCode.OK, "application/json", LastPagedMembers);

        var page = await _harness.Client.GetPagedMembersAsync(ConnectorHarness.ServiceUrl, ChannelId, null, null, Ct);

        Assert.Equal($"{Base}v3/conversations/{EscapedChannel}/pagedmembers", Assert.Single(_harness.Requests).Uri);
        Assert.Null(page.ContinuationToken);
        Assert.Equal("Anna Andersson", Assert.Single(page.Members).Name);
    }

    [Fact]
    public async Task Team_details_are_read()
    {
        _harness.Mock.When("*").Respond(HttpStatusCode.OK, "application/json", Team);

        var team = await _harness.Client.GetTeamDetailsAsync(ConnectorHarness.ServiceUrl, TeamId, Ct);

        var request = Assert.Single(_harness.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal($"{Base}v3/teams/19%3A7d2b6c1f0e9a4b3c8d5e6f7a8b9c0d1e%40thread.tacv2", request.Uri);
        Assert.Equal(new TeamDetails(TeamId, "Ledningsgruppen", "02ce3874-dd86-41ba-bddc-013f34019978", 3, 12), team);
    }

    [Fact]
    public async Task Channels_are_read_and_the_unnamed_General_channel_keeps_a_null_name()
    {
        _harness.Mock.When("*").Respond(HttpStatusCode.OK, "application/json", Channels);

        var channels = await _harness.Client.GetChannelsAsync(ConnectorHarness.ServiceUrl, TeamId, Ct);

        Assert.Equal($"{Base}v3/teams/19%3A7d2b6c1f0e9a4b3c8d5e6f7a8b9c0d1e%40thread.tacv2/conversations", Assert.Single(_harness.Requests).Uri);
        Assert.Equal(
            [new ChannelInfo(TeamId, null), new ChannelInfo("19:a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5@thread.tacv2", "Veckomöte")],
            channels);
    }

    [Fact]
    public async Task A_service_url_without_a_trailing_slash_keeps_its_last_segment()
    {
        _harness.Mock.When("*").Respond(HttpStatusCode.OK, "application/json", Resource);

        await _harness.Client.SendToConversationAsync(new Uri("http://localhost:56150/_connector"), "a:1", Hello, Ct);

        Assert.Equal("http://localhost:56150/_connector/v3/conversations/a%3A1/activities", Assert.Single(_harness.Requests).Uri);
    }

    [Fact]
    public async Task An_empty_success_body_reads_as_a_response_without_id()
    {
        _harness.Mock.When("*").Respond(HttpStatusCode.OK, new StringContent(string.Empty));

        var response = await _harness.Client.SendToConversationAsync(ConnectorHarness.ServiceUrl, ChannelId, new Activity { Type = ActivityTypes.Typing }, Ct);

        Assert.Null(response.Id);
    }

    [Fact]
    public async Task A_failure_throws_a_ConnectorException_with_the_status_but_not_the_body()
    {
        _harness.Mock.When("*").Respond(HttpStatusCode.BadRequest, "application/json", Error);

        var exception = await Assert.ThrowsAsync<ConnectorException>(
            () => _harness.Client.SendToConversationAsync(ConnectorHarness.ServiceUrl, ChannelId, Hello, Ct));

        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
        Assert.Equal("SendToConversation", exception.Operation);
        Assert.DoesNotContain("secret", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("BadSyntax", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_success_with_an_unreadable_body_throws_a_ConnectorException()
    {
        _harness.Mock.When("*").Respond(HttpStatusCode.OK, "text/html", "<html>proxy says hi</html>");

        var exception = await Assert.ThrowsAsync<ConnectorException>(
            () => _harness.Client.GetTeamDetailsAsync(ConnectorHarness.ServiceUrl, TeamId, Ct));

        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.IsType<JsonException>(exception.InnerException, exactMatch: false);
    }

    public void Dispose()
    {
        _harness.Dispose();
        _timeout.Dispose();
    }

    private static void AssertJson(string expected, string? actual)
    {
        Assert.NotNull(actual);
        var expectedNode = JsonNode.Parse(expected);
        var actualNode = JsonNode.Parse(actual);
        Assert.True(JsonNode.DeepEquals(expectedNode, actualNode), $"Expected {expectedNode!.ToJsonString()}\nActual   {actualNode!.ToJsonString()}");
    }
}
