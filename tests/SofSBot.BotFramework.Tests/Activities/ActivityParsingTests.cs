using System.Text.Json;
using System.Text.Json.Nodes;
using SofSBot.BotFramework.Activities;
using SofSBot.BotFramework.Invoke;

namespace SofSBot.BotFramework.Tests.Activities;

public sealed class ActivityParsingTests
{
    [Fact]
    public void Channel_message_reads_sender_conversation_team_and_mention()
    {
        var activity = Payload.Activity("channel-message-with-mention");

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal("Karin Lindqvist", activity.From?.Name);
        Assert.Equal("6b3f9a2e-1c4d-4e8f-9a0b-2c3d4e5f6a7b", activity.From?.AadObjectId);
        Assert.Equal("channel", activity.Conversation?.ConversationType);
        Assert.Equal("sv-SE", activity.Locale);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 8, 31, 12, TimeSpan.FromHours(1)).AddTicks(4564712), activity.LocalTimestamp);

        var channelData = activity.GetTeamsChannelData();
        Assert.Equal("19:f3e2d1c0b9a84f7e6d5c4b3a2f1e0d9c@thread.tacv2", channelData.Team?.Id);
        Assert.Equal("19:a8d1c1e4f6b24c0a9b3e7f2d5c8a1b4e@thread.tacv2", channelData.Channel?.Id);
        Assert.Equal("9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f", channelData.TenantId);

        var mention = Assert.Single(activity.Mentions);
        Assert.Equal(activity.Recipient?.Id, mention.Mentioned?.Id);
    }

    [Fact]
    public void Mention_of_the_bot_is_removed_from_the_text()
    {
        var activity = Payload.Activity("channel-message-with-mention");

        Assert.Equal("hjälp", activity.TextWithoutMentionOf(activity.Recipient?.Id));
    }

    [Fact]
    public void Mention_of_someone_else_stays_in_the_text()
    {
        var activity = Payload.Activity("channel-message-with-mention") with
        {
            Text = "<at>SofSBot</at> tack <at>Sara</at>",
            Entities =
            [
                new Entity { Type = "mention", Text = "<at>SofSBot</at>", Mentioned = new ChannelAccount { Id = "28:bot" } },
                new Entity { Type = "mention", Text = "<at>Sara</at>", Mentioned = new ChannelAccount { Id = "29:sara" } },
            ],
        };

        Assert.Equal("tack <at>Sara</at>", activity.TextWithoutMentionOf("28:bot"));
    }

    [Fact]
    public void Personal_message_has_no_team_and_an_english_locale()
    {
        var activity = Payload.Activity("personal-message");

        Assert.Equal("personal", activity.Conversation?.ConversationType);
        Assert.Null(activity.GetTeamsChannelData().Team);
        Assert.Equal("en-GB", activity.Locale);
        Assert.Equal("help", activity.TextWithoutMentionOf(activity.Recipient?.Id));
    }

    [Fact]
    public void Invoke_carries_the_card_action_with_verb_and_data()
    {
        var activity = Payload.Activity("invoke-adaptive-card-action");

        Assert.Equal(ActivityTypes.Invoke, activity.Type);
        Assert.Equal(AdaptiveCardAction.InvokeName, activity.Name);
        var action = AdaptiveCardAction.From(activity);
        Assert.NotNull(action);
        Assert.Equal("Action.Execute", action.Type);
        Assert.Equal("highlights.add", action.Verb);
        Assert.Equal("2026-W10", action.GetDataString("week"));
        Assert.Equal("Familjen kom med ett eget förslag på säkerhetsplan.", action.GetDataString("highlight"));
    }

    [Fact]
    public void Submit_fallback_reads_the_verb_from_the_data()
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Value = JsonDocument.Parse("""{"verb":"help","week":"2026-W10"}""").RootElement,
        };

        var action = AdaptiveCardAction.From(activity);

        Assert.Equal("help", action?.Verb);
        Assert.Equal("2026-W10", action?.GetDataString("week"));
    }

    [Fact]
    public void Installation_in_a_team_reads_action_team_name_and_group()
    {
        var activity = Payload.Activity("installation-update-add-team");

        Assert.Equal(ActivityTypes.InstallationUpdate, activity.Type);
        Assert.Equal("add", activity.Action);
        var channelData = activity.GetTeamsChannelData();
        Assert.Equal("Utredningsteam 1", channelData.Team?.Name);
        Assert.Equal("d1c2b3a4-9e8f-4a7b-8c6d-5e4f3a2b1c0d", channelData.Team?.AadGroupId);
        Assert.Equal(channelData.Team?.Id, channelData.SelectedChannel?.Id);
    }

    [Theory]
    [InlineData("channelCreated", "Teammöte")]
    [InlineData("channelRenamed", "Teammöten")]
    [InlineData("channelDeleted", "Teammöten")]
    public void Channel_events_name_the_channel(string eventType, string channelName)
    {
        var channelData = Payload.Activity("conversation-update-" + eventType).GetTeamsChannelData();

        Assert.Equal(eventType, channelData.EventType);
        Assert.Equal("19:0b5f1e2d3c4a4b9e8f7a6d5c4b3a2e1f@thread.tacv2", channelData.Channel?.Id);
        Assert.Equal(channelName, channelData.Channel?.Name);
    }

    [Theory]
    [InlineData("teamRenamed", "Utredningsteam Ett")]
    [InlineData("teamArchived", "Utredningsteam 1")]
    [InlineData("teamDeleted", "Utredningsteam 1")]
    public void Team_events_name_the_team(string eventType, string teamName)
    {
        var channelData = Payload.Activity("conversation-update-" + eventType).GetTeamsChannelData();

        Assert.Equal(eventType, channelData.EventType);
        Assert.Equal(teamName, channelData.Team?.Name);
    }

    [Fact]
    public void Member_events_list_the_members_added_and_removed()
    {
        var added = Payload.Activity("conversation-update-teamMemberAdded");
        var removed = Payload.Activity("conversation-update-teamMemberRemoved");

        Assert.Equal("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", Assert.Single(added.MembersAdded!).AadObjectId);
        Assert.Equal("29:1SaRaNiLsSoN2bC3dE4fG5hI6jK7lM", Assert.Single(removed.MembersRemoved!).Id);
    }

    [Theory]
    [InlineData("channel-message-with-mention")]
    [InlineData("personal-message")]
    [InlineData("invoke-adaptive-card-action")]
    [InlineData("installation-update-add-team")]
    [InlineData("conversation-update-teamMemberAdded")]
    public void Reading_and_writing_an_activity_loses_no_field(string name)
    {
        var original = JsonNode.Parse(Payload.Json(name));
        var activity = Payload.Activity(name);

        var written = JsonNode.Parse(JsonSerializer.Serialize(activity, BotJson.Options));

        // Nulls are dropped on write ("source": null) and times are written in one ISO form;
        // everything else must come back as it was.
        RemoveNulls(original);
        RemoveNulls(written);
        NormalizeTimes(original);
        NormalizeTimes(written);
        Assert.True(JsonNode.DeepEquals(original, written), $"Round trip changed {name}:\n{written?.ToJsonString()}");
    }

    [Theory]
    [InlineData("""{"type":"message","channelData":"not an object","value":[1,2]}""")]
    [InlineData("""{"type":"message","channelData":{"team":"x","tenant":5,"channel":null}}""")]
    public void Odd_channel_data_reads_as_absent_instead_of_failing(string json)
    {
        var activity = JsonSerializer.Deserialize<Activity>(json, BotJson.Options)!;

        var channelData = activity.GetTeamsChannelData();

        Assert.Null(channelData.Team);
        Assert.Null(channelData.TenantId);
        Assert.Null(channelData.Channel);
        Assert.Null(AdaptiveCardAction.From(activity));
    }

    private static void NormalizeTimes(JsonNode? node)
    {
        foreach (var field in new[] { "timestamp", "localTimestamp" })
        {
            if (node?[field] is JsonValue value)
            {
                node[field] = DateTimeOffset.Parse(value.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }

    private static void RemoveNulls(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Where(p => p.Value is null).Select(p => p.Key).ToList())
                {
                    obj.Remove(key);
                }

                foreach (var property in obj)
                {
                    RemoveNulls(property.Value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    RemoveNulls(item);
                }

                break;
        }
    }
}
