using System.Net;
using System.Text.Json;
using SofSBot.Tests.Infrastructure;
using SofSBot.TestSupport;
using static SofSBot.Tests.Infrastructure.TeamsActivities;

namespace SofSBot.Tests.Bot;

[Collection(AzuriteCollection.Name)]
public sealed class ConversationTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly SofSBotApp _app = new(azurite);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        Assert.Empty(_app.Connector.Unexpected);
        await _app.DisposeAsync();
    }

    [Theory]
    [InlineData("hjälp", "sv-SE", "Så använder du SofSBot")]
    [InlineData("help", "en-US", "How to use SofSBot")]
    [InlineData("hjälp", "en-US", "Så använder du SofSBot")]
    [InlineData("help", "sv-SE", "How to use SofSBot")]
    [InlineData("?", "en-GB", "How to use SofSBot")]
    public async Task Help_in_personal_chat_answers_with_the_help_card(string text, string locale, string heading)
    {
        var message = PersonalMessage(text, locale);

        await _app.SendActivityAsync(message);

        var reply = Assert.Single(_app.Connector.Posts);
        Assert.Equal($"/emea/v3/conversations/a:1personal/activities/{message["id"]}", reply.Path);
        Assert.Equal(heading, reply.Card?["body"]?[0]?["text"]?.GetValue<string>());
        Assert.Equal(BotId, reply.Body?["from"]?["id"]?.GetValue<string>());
    }

    [Fact]
    public async Task Help_after_a_mention_in_a_channel_answers_in_the_thread()
    {
        var message = ChannelMention("hjälp");

        await _app.SendActivityAsync(message);

        var reply = Assert.Single(_app.Connector.Posts);
        Assert.Equal($"/emea/v3/conversations/{message["conversation"]!["id"]}/activities/{message["id"]}", reply.Path);
        Assert.Equal("Så använder du SofSBot", reply.Card?["body"]?[0]?["text"]?.GetValue<string>());
    }

    [Fact]
    public async Task Bare_mention_answers_with_help_in_the_clients_language()
    {
        await _app.SendActivityAsync(ChannelMention(string.Empty, locale: "en-US"));

        Assert.Equal("How to use SofSBot", Assert.Single(_app.Connector.Posts).Card?["body"]?[0]?["text"]?.GetValue<string>());
    }

    [Theory]
    [InlineData("vad gör du", "sv-SE", "Skriv **hjälp**")]
    [InlineData("what now", "en-US", "Type **help**")]
    public async Task Unknown_text_gets_a_pointer_to_help(string text, string locale, string pointer)
    {
        await _app.SendActivityAsync(PersonalMessage(text, locale));

        var reply = Assert.Single(_app.Connector.Posts);
        Assert.Contains(pointer, reply.Text, StringComparison.Ordinal);
        Assert.Null(reply.Card);
    }

    [Fact]
    public async Task Unknown_text_in_a_channel_points_to_help_with_the_mention()
    {
        await _app.SendActivityAsync(ChannelMention("blabla"));

        Assert.Contains("@SofSBot hjälp", Assert.Single(_app.Connector.Posts).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_help_button_returns_the_help_card_to_the_user_who_pressed_it()
    {
        using var response = await _app.SendActivityAsync(CardAction("help"));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.microsoft.card.adaptive", body.RootElement.GetProperty("type").GetString());
        Assert.Equal("Så använder du SofSBot", body.RootElement.GetProperty("value").GetProperty("body")[0].GetProperty("text").GetString());
        Assert.Empty(_app.Connector.Posts);
    }

    [Fact]
    public async Task Unknown_button_gets_a_clear_error_in_the_users_language()
    {
        using var response = await _app.SendActivityAsync(CardAction("no.such.verb", locale: "en-US"));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(400, body.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.error", body.RootElement.GetProperty("type").GetString());
        Assert.Equal("unknownAction", body.RootElement.GetProperty("value").GetProperty("code").GetString());
        Assert.Equal("I no longer recognise this button. Type help to see what I can do.", body.RootElement.GetProperty("value").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Submit_fallback_of_the_help_button_replies_with_the_help_card()
    {
        var submit = PersonalMessage(string.Empty);
        submit.Remove("text");
        submit["value"] = new System.Text.Json.Nodes.JsonObject { ["verb"] = "help" };

        await _app.SendActivityAsync(submit);

        Assert.Equal("Så använder du SofSBot", Assert.Single(_app.Connector.Posts).Card?["body"]?[0]?["text"]?.GetValue<string>());
    }

    [Fact]
    public async Task Failed_reply_is_retried_and_still_reaches_the_user()
    {
        _app.Connector.Failures.Enqueue(HttpStatusCode.TooManyRequests);

        await _app.SendActivityAsync(PersonalMessage("hjälp"));

        Assert.Equal(2, _app.Connector.Posts.Count());
        Assert.NotNull(_app.Connector.Posts.Last().Card);
    }
}
