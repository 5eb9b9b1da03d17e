using System.Text.Json;
using SofSBot.BotFramework.Activities;
using SofSBot.BotFramework.Cards;

namespace SofSBot.BotFramework.Tests.Cards;

public sealed class AdaptiveCardSerializationTests
{
    [Fact]
    public void Refresh_action_is_written_as_an_action_execute_with_its_user_ids()
    {
        var card = new AdaptiveCard
        {
            Refresh = new CardRefresh(ActionExecute.WithSubmitFallback("Svara", "rating.view"), ["29:1sara"]),
        };

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(card, BotJson.Options));
        var refresh = json.RootElement.GetProperty("refresh");

        Assert.Equal("Action.Execute", refresh.GetProperty("action").GetProperty("type").GetString());
        Assert.Equal("rating.view", refresh.GetProperty("action").GetProperty("verb").GetString());
        Assert.Equal("29:1sara", refresh.GetProperty("userIds")[0].GetString());
    }

    [Fact]
    public void Card_is_written_with_schema_type_version_and_typed_elements()
    {
        var card = new AdaptiveCard
        {
            Body =
            [
                TextBlock.Heading("Veckans highlights"),
                new Container([new FactSet([new Fact("Vecka", "10")])]) { Style = ContainerStyle.Emphasis },
                new InputText { Id = "highlight", MaxLength = 500, IsMultiline = true },
                new InputChoiceSet([new Choice("7", "7")]) { Id = "rating", Style = "expanded" },
            ],
            Actions = [ActionExecute.WithSubmitFallback("Spara", "highlights.add", new Dictionary<string, object?> { ["week"] = "2026-W10" })],
        };

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(card, BotJson.Options));
        var root = json.RootElement;

        Assert.Equal("AdaptiveCard", root.GetProperty("type").GetString());
        Assert.Equal("1.5", root.GetProperty("version").GetString());
        Assert.Equal(AdaptiveCard.SchemaUrl, root.GetProperty("$schema").GetString());
        Assert.Equal("Full", root.GetProperty("msteams").GetProperty("width").GetString());

        var body = root.GetProperty("body");
        Assert.Equal("TextBlock", body[0].GetProperty("type").GetString());
        Assert.Equal("large", body[0].GetProperty("size").GetString());
        Assert.Equal("bolder", body[0].GetProperty("weight").GetString());
        Assert.Equal("Container", body[1].GetProperty("type").GetString());
        Assert.Equal("emphasis", body[1].GetProperty("style").GetString());
        Assert.Equal("FactSet", body[1].GetProperty("items")[0].GetProperty("type").GetString());
        Assert.Equal("Input.Text", body[2].GetProperty("type").GetString());
        Assert.Equal(500, body[2].GetProperty("maxLength").GetInt32());
        Assert.Equal("Input.ChoiceSet", body[3].GetProperty("type").GetString());
    }

    [Fact]
    public void Execute_action_falls_back_to_a_submit_that_carries_the_verb()
    {
        var action = ActionExecute.WithSubmitFallback("Spara", "highlights.add", new Dictionary<string, object?> { ["week"] = "2026-W10" });

        using var json = JsonDocument.Parse(JsonSerializer.Serialize<CardAction>(action, BotJson.Options));
        var root = json.RootElement;

        Assert.Equal("Action.Execute", root.GetProperty("type").GetString());
        Assert.Equal("highlights.add", root.GetProperty("verb").GetString());
        Assert.Equal("2026-W10", root.GetProperty("data").GetProperty("week").GetString());
        var fallback = root.GetProperty("fallback");
        Assert.Equal("Action.Submit", fallback.GetProperty("type").GetString());
        Assert.Equal("highlights.add", fallback.GetProperty("data").GetProperty("verb").GetString());
        Assert.Equal("2026-W10", fallback.GetProperty("data").GetProperty("week").GetString());
    }

    [Fact]
    public void Card_inside_an_attachment_is_written_as_a_card()
    {
        var activity = new Activity { Type = ActivityTypes.Message, Attachments = [Attachment.AdaptiveCard(new AdaptiveCard { Body = [new TextBlock("Hej")] })] };

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(activity, BotJson.Options));
        var attachment = json.RootElement.GetProperty("attachments")[0];

        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        Assert.Equal("Hej", attachment.GetProperty("content").GetProperty("body")[0].GetProperty("text").GetString());
    }
}
