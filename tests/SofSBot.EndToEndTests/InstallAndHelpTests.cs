using System.Text.Json.Nodes;
using Azure.Data.Tables;
using SofSBot.EndToEndTests.Infrastructure;
using SofSBot.TestSupport;

namespace SofSBot.EndToEndTests;

/// <summary>
/// The real bot behind the Agents Playground, driven through the Playground's HTTP API as a Teams
/// user would: install in the team, ask for help in the personal chat and in a channel, press the
/// welcome card's button. The Playground always sends <c>locale: en-US</c>, so what follows the
/// client's locale (the welcome card, the button's help card, the "didn't understand" reply) is in
/// English here; what follows the command word (<c>hjälp</c>) is in Swedish.
/// </summary>
public sealed class InstallAndHelpTests(BotInPlaygroundFixture fixture) : IClassFixture<BotInPlaygroundFixture>, IDisposable
{
    private const string AdaptiveCardType = "application/vnd.microsoft.card.adaptive";
    private const string SwedishHelpHeading = "Så använder du SofSBot";
    private const string EnglishHelpHeading = "How to use SofSBot";

    // Only installationUpdate greets, in its locale: en-US in the Playground.
    private static readonly string[] TeamWelcomeHeadings = ["Hello Utredningsteam 1! I'm SofSBot."];

    private static readonly TimeSpan BotTimeout = TimeSpan.FromSeconds(20);

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));

    private CancellationToken Token => _timeout.Token;

    private PlaygroundConfig Config => fixture.Config;

    private AgentsPlayground Playground => fixture.Playground;

    public void Dispose() => _timeout.Dispose();

    [Fact]
    public async Task Installing_in_the_team_posts_one_welcome_card_in_General_and_stores_the_team_and_its_channels()
    {
        var team = Config.Team;
        Func<HandledActivity, bool> installation = a => a.Type == "installationUpdate" && a.ConversationId == team.Id;
        Func<HandledActivity, bool> membersAdded = a => a.Type == "conversationUpdate" && a.ConversationId == team.Id;
        var installationsBefore = fixture.Handled.Count(installation);
        var updatesBefore = fixture.Handled.Count(membersAdded);

        await Playground.InstallAsync(team.Id, Token);
        // The Playground sends installationUpdate and then conversationUpdate; both say "the bot was added".
        await fixture.Handled.WaitForCountAsync(installation, installationsBefore + 1, BotTimeout, Token);
        await fixture.Handled.WaitForCountAsync(membersAdded, updatesBefore + 1, BotTimeout, Token);
        var welcome = await WaitForMessageAsync(m => m.IsIn(team.Id) && IsTeamWelcome(m));
        // The bot has answered both activities; give a second card's websocket frame time to arrive.
        await Task.Delay(TimeSpan.FromMilliseconds(500), Token);

        var cardsInGeneral = Playground.Output.Messages.Where(m => m.IsCreate && m.IsIn(team.GeneralChannelId) && m.AdaptiveCard is not null).ToList();
        Assert.True(cardsInGeneral.Count == 1, $"Expected one card in General, got {cardsInGeneral.Count}.{Environment.NewLine}{fixture.Diagnostics()}");
        Assert.Equal(welcome.MessageId, cardsInGeneral[0].MessageId);
        var button = Assert.Single(welcome.AdaptiveCard!["actions"]!.AsArray());
        Assert.Equal("Action.Execute", button!["type"]?.GetValue<string>());
        Assert.Equal("help", button["verb"]?.GetValue<string>());

        // Table design: PartitionKey = team id, RowKey "team" and "channel|{channelId}".
        var teams = fixture.Table("Teams");
        var teamRow = (await teams.GetEntityAsync<TableEntity>(team.Id, "team", cancellationToken: Token)).Value;
        Assert.Equal("Utredningsteam 1", teamRow.GetString("Name"));
        Assert.Equal("Installed", teamRow.GetString("State"));
        Assert.Equal(Config.TenantId, teamRow.GetString("TenantId"));
        Assert.Equal(Playground.ServiceUrl.AbsoluteUri.TrimEnd('/'), teamRow.GetString("ServiceUrl")?.TrimEnd('/'));
        var teammote = team.Channel("Teammöte");
        var channelRow = (await teams.GetEntityAsync<TableEntity>(team.Id, "channel|" + teammote.Id, cancellationToken: Token)).Value;
        Assert.Equal("Teammöte", channelRow.GetString("Name"));
        Assert.False(channelRow.GetBoolean("IsDeleted"));
    }

    [Theory]
    [InlineData("hjälp", SwedishHelpHeading)]
    [InlineData("help", EnglishHelpHeading)]
    public async Task Help_in_the_personal_chat_answers_with_the_help_card_in_the_command_words_language(string command, string expectedHeading)
    {
        var chat = Config.PersonalChat.Id;
        var before = MessageIds();

        await Playground.SendMessageAsync(chat, Config.CurrentUser.Id, command, cancellationToken: Token);
        var reply = await WaitForMessageAsync(m => !before.Contains(m.MessageId) && m.IsIn(chat) && m.AdaptiveCard is not null);

        Assert.Equal(chat, reply.ConversationId);
        Assert.Equal(expectedHeading, Heading(reply.AdaptiveCard));
    }

    [Fact]
    public async Task Help_with_an_at_mention_in_the_Teammote_channel_answers_with_the_help_card_in_the_thread()
    {
        var channel = Config.Team.Channel("Teammöte");
        var before = MessageIds();

        var posted = await Playground.SendMessageAsync(
            channel.Id,
            Config.CurrentUser.Id,
            $"<at>{Config.Bot.Name}</at> hjälp",
            [PlaygroundMention.Of(Config.Bot.Id, Config.Bot.Name)],
            Token);
        var thread = posted.ConversationIdFor(channel.Id);
        var reply = await WaitForMessageAsync(m => !before.Contains(m.MessageId) && m.IsIn(thread) && m.AdaptiveCard is not null);

        Assert.Equal($"{channel.Id};messageid={posted.MessageId}", thread);
        Assert.Equal(thread, reply.ConversationId);
        Assert.Equal(SwedishHelpHeading, Heading(reply.AdaptiveCard));
    }

    [Fact]
    public async Task Another_member_pressing_the_welcome_cards_help_button_gets_the_help_card_in_the_invoke_response()
    {
        var welcome = await InstallAndGetWelcomeCardAsync();
        var sara = Config.User("Sara Nilsson");
        var before = MessageIds();

        var response = await Playground.InvokeAdaptiveCardActionAsync(ThreadOf(welcome), sara.Id, welcome.MessageId, "help", cancellationToken: Token);

        Assert.Equal(AdaptiveCardType, response.Type);
        var card = Assert.IsType<JsonObject>(response.Value);
        Assert.Equal("AdaptiveCard", card["type"]?.GetValue<string>());
        Assert.Equal(EnglishHelpHeading, Heading(card));
        // Only Sara sees the help (the invoke response); nothing new is posted in the channel.
        await Task.Delay(TimeSpan.FromMilliseconds(300), Token);
        Assert.DoesNotContain(Playground.Output.Messages, m => !before.Contains(m.MessageId));
    }

    [Fact]
    public async Task A_card_button_with_an_unknown_verb_gets_an_unknownAction_error()
    {
        var welcome = await InstallAndGetWelcomeCardAsync();

        var response = await Playground.InvokeAdaptiveCardActionAsync(
            ThreadOf(welcome), Config.User("Ahmed Hassan").Id, welcome.MessageId, "no-such-verb", cancellationToken: Token);

        Assert.Equal("application/vnd.microsoft.error", response.Type);
        Assert.Equal("unknownAction", response.Value?["code"]?.GetValue<string>());
    }

    [Fact]
    public async Task Text_the_bot_does_not_understand_gets_a_reply_that_points_to_help()
    {
        var chat = Config.PersonalChat.Id;
        var before = MessageIds();

        await Playground.SendMessageAsync(chat, Config.CurrentUser.Id, "vad är klockan", cancellationToken: Token);
        var reply = await WaitForMessageAsync(m => !before.Contains(m.MessageId) && m.IsIn(chat));

        Assert.Null(reply.AdaptiveCard);
        Assert.Equal("I didn't understand that. Type **help** to see what I can do.", reply.Text);
    }

    /// <summary>The first TextBlock of a card: its heading.</summary>
    private static string? Heading(JsonObject? card) =>
        card?["body"]?.AsArray().OfType<JsonObject>()
            .FirstOrDefault(element => element["type"]?.GetValue<string>() == "TextBlock")?["text"]?.GetValue<string>();

    /// <summary>A post in a channel starts a thread; its card is acted on in that thread.</summary>
    private static string ThreadOf(PlaygroundOutput post) => post.PostConversationId ?? post.ConversationId;

    private static bool IsTeamWelcome(PlaygroundOutput message) => TeamWelcomeHeadings.Contains(Heading(message.AdaptiveCard));

    private HashSet<string> MessageIds() => [.. Playground.Output.Messages.Select(m => m.MessageId)];

    /// <summary>Installs in the team (again: the bot greets a team once) and returns the welcome card.</summary>
    private async Task<PlaygroundOutput> InstallAndGetWelcomeCardAsync()
    {
        var team = Config.Team;
        await Playground.InstallAsync(team.Id, Token);
        return await WaitForMessageAsync(m => m.IsCreate && m.IsIn(team.Id) && IsTeamWelcome(m));
    }

    private async Task<PlaygroundOutput> WaitForMessageAsync(Func<PlaygroundOutput, bool> predicate)
    {
        try
        {
            return await Playground.Output.WaitForMessageAsync(predicate, BotTimeout, Token);
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException($"{exception.Message}{Environment.NewLine}{fixture.Diagnostics()}", exception);
        }
    }
}
