using System.Text.Json.Nodes;
using SofSBot.TestSupport;

namespace SofSBot.Tests.TestSupport;

public sealed class PlaygroundOutputTests
{
    private static JsonObject Frame(string file) =>
        (JsonObject)JsonNode.Parse(File.ReadAllText(RepositoryPaths.Combine("tests", "SofSBot.Tests", "TestData", "Playground", file)))!;

    [Fact]
    public void A_text_message_frame_gives_conversation_id_and_text()
    {
        var output = PlaygroundOutput.TryParse(Frame("ws-createMessage-text.json"));

        Assert.NotNull(output);
        Assert.True(output.IsCreate);
        Assert.Equal("a:1sofsbot-karin-lindqvist", output.ConversationId);
        Assert.Equal("echo: hjälp", output.Text);
        Assert.Empty(output.Attachments);
    }

    [Fact]
    public void A_card_update_frame_gives_the_adaptive_card()
    {
        var output = PlaygroundOutput.TryParse(Frame("ws-updateMessage-card.json"));

        Assert.NotNull(output);
        Assert.Equal(PlaygroundOutput.UpdateMessage, output.Action);
        Assert.Null(output.Text);
        Assert.Equal("AdaptiveCard", output.AdaptiveCard?["type"]?.GetValue<string>());
    }

    [Fact]
    public void A_new_channel_thread_belongs_to_both_the_channel_and_the_thread()
    {
        var output = PlaygroundOutput.TryParse(Frame("ws-createMessage-channel-post.json"));

        Assert.NotNull(output);
        Assert.True(output.IsIn("19:utredningsteam1-teammote@thread.tacv2"));
        Assert.True(output.IsIn(output.PostConversationId!));
        Assert.StartsWith("19:utredningsteam1-teammote@thread.tacv2;messageid=", output.PostConversationId, StringComparison.Ordinal);
    }

    [Fact]
    public void A_typing_frame_is_not_a_message()
    {
        Assert.Null(PlaygroundOutput.TryParse(Frame("ws-typing.json")));
    }
}
