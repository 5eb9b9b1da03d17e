using System.Text.Json.Nodes;
using SofSBot.TestSupport;

namespace SofSBot.EndToEndTests;

/// <summary>Proves the Playground harness against a stand-in bot, before the real bot uses it.</summary>
public sealed class AgentsPlaygroundHarnessTests : IAsyncLifetime, IDisposable
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(90));
    private FakeEchoBot? _bot;
    private AgentsPlayground? _playground;

    private FakeEchoBot Bot => _bot!;

    private AgentsPlayground Playground => _playground!;

    private CancellationToken Token => _timeout.Token;

    public async Task InitializeAsync()
    {
        _bot = await FakeEchoBot.StartAsync(Token);
        _playground = await AgentsPlayground.StartAsync(_bot.Endpoint, cancellationToken: Token);
    }

    public async Task DisposeAsync()
    {
        if (_playground is not null)
        {
            await _playground.DisposeAsync();
        }

        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }
    }

    public void Dispose() => _timeout.Dispose();

    [Fact]
    public async Task The_config_describes_the_demo_team()
    {
        var config = await Playground.GetConfigAsync(Token);

        Assert.Equal("Karin Lindqvist", config.CurrentUser.Name);
        Assert.Equal("Utredningsteam 1", config.Team.Name);
        Assert.Equal(config.Team.Id, config.Team.GeneralChannelId);
        Assert.Equal("Teammöte", config.Team.Channel("Teammöte").Name);
        Assert.Equal("29:1ahmed-hassan", config.User("Ahmed Hassan").Id);
    }

    [Fact]
    public async Task A_reply_to_a_personal_message_arrives_on_the_websocket()
    {
        var config = await Playground.GetConfigAsync(Token);

        await Playground.SendMessageAsync(config.PersonalChat.Id, config.CurrentUser.Id, "hjälp", cancellationToken: Token);
        var reply = await Playground.Output.WaitForMessageAsync(
            m => m.IsIn(config.PersonalChat.Id) && m.Text == "echo: hjälp", cancellationToken: Token);

        Assert.True(reply.IsCreate);
        var received = Assert.Single(Bot.Received, a => a["type"]?.GetValue<string>() == "message");
        // The serviceUrl follows the Playground's actual port.
        Assert.Equal(Playground.ServiceUrl.AbsoluteUri.TrimEnd('/'), received["serviceUrl"]?.GetValue<string>());
        Assert.Equal("Karin Lindqvist", received["from"]?["name"]?.GetValue<string>());
    }

    [Fact]
    public async Task A_card_in_a_channel_thread_can_be_answered_by_another_member()
    {
        var config = await Playground.GetConfigAsync(Token);
        var channelId = config.Team.Channel("Teammöte").Id;

        var posted = await Playground.SendMessageAsync(
            channelId,
            config.CurrentUser.Id,
            $"<at>{config.Bot.Name}</at> kort",
            [PlaygroundMention.Of(config.Bot.Id, config.Bot.Name)],
            Token);
        var thread = posted.ConversationIdFor(channelId);
        var card = await Playground.Output.WaitForMessageAsync(m => m.IsIn(thread) && m.AdaptiveCard is not null, cancellationToken: Token);

        var sara = config.User("Sara Nilsson");
        var response = await Playground.InvokeAdaptiveCardActionAsync(thread, sara.Id, card.MessageId, "rate", new JsonObject { ["value"] = 7 }, Token);
        var updated = await Playground.Output.WaitForMessageAsync(
            m => m.Action == PlaygroundOutput.UpdateMessage && m.MessageId == card.MessageId, cancellationToken: Token);

        Assert.StartsWith(channelId + ";messageid=", thread, StringComparison.Ordinal);
        Assert.Equal("Tack, Sara Nilsson!", response.Value?.GetValue<string>());
        Assert.Equal("Sara Nilsson gav 7", updated.AdaptiveCard?["body"]?[0]?["text"]?.GetValue<string>());
    }

    [Fact]
    public async Task Installing_in_the_team_and_custom_activities_reach_the_bot()
    {
        var config = await Playground.GetConfigAsync(Token);
        var ahmed = config.User("Ahmed Hassan");

        await Playground.InstallAsync(config.Team.Id, Token);
        await Playground.SendCustomActivityAsync(
            new JsonObject
            {
                ["type"] = "message",
                ["id"] = "custom-1",
                ["text"] = "hej från Ahmed",
                ["from"] = new JsonObject { ["id"] = ahmed.Id, ["name"] = ahmed.Name },
                ["recipient"] = new JsonObject { ["id"] = config.Bot.Id, ["name"] = config.Bot.Name },
                ["conversation"] = new JsonObject { ["id"] = config.PersonalChat.Id, ["conversationType"] = "personal" },
            },
            Token);
        await Playground.Output.WaitForMessageAsync(m => m.Text == "echo: hej från Ahmed", cancellationToken: Token);
        // The installation activities follow the 200 asynchronously.
        await WaitUntilAsync(() => Bot.Received.Count(a => a["conversation"]?["id"]?.GetValue<string>() == config.Team.Id) >= 2);

        // The Playground sends both without waiting for the first answer, so their order is not fixed.
        var installation = Bot.Received.Where(a => a["conversation"]?["id"]?.GetValue<string>() == config.Team.Id).ToList();
        Assert.Equal(
            ["conversationUpdate", "installationUpdate"],
            installation.Select(a => a["type"]?.GetValue<string>()).Order(StringComparer.Ordinal));
        var install = Assert.Single(installation, a => a["type"]?.GetValue<string>() == "installationUpdate");
        Assert.Equal("Utredningsteam 1", install["channelData"]?["team"]?["name"]?.GetValue<string>());
        Assert.Contains(Bot.Received, a => a["from"]?["id"]?.GetValue<string>() == ahmed.Id);
    }

    private async Task WaitUntilAsync(Func<bool> condition)
    {
        while (!condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), Token);
        }
    }
}
