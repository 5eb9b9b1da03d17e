using System.Text.Json.Nodes;

namespace SofSBot.Tests.Infrastructure;

/// <summary>Builds activities in the shapes Teams sends (see the recorded payloads in the protocol tests).</summary>
internal static class TeamsActivities
{
    public const string TenantId = "9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f";
    public const string BotId = "28:8e4b2c1a-7d3f-4a5e-9b6c-0d1e2f3a4b5c";
    public const string TeamId = "19:f3e2d1c0b9a84f7e6d5c4b3a2f1e0d9c@thread.tacv2";
    public const string TeammoteChannelId = "19:0b5f1e2d3c4a4b9e8f7a6d5c4b3a2e1f@thread.tacv2";
    public const string TeamName = "Utredningsteam 1";

    private static int _sequence;

    public static JsonObject Karin => User("29:1karin", "Karin Lindqvist", "6b3f9a2e-1c4d-4e8f-9a0b-2c3d4e5f6a7b");

    public static JsonObject Sara => User("29:1sara", "Sara Nilsson", "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d");

    public static JsonObject User(string id, string name, string aadObjectId) =>
        new() { ["id"] = id, ["name"] = name, ["aadObjectId"] = aadObjectId };

    public static JsonObject InstalledInTeam(string locale = "sv-SE", string? teamName = TeamName, string? id = null) =>
        With(TeamActivity("installationUpdate", locale, id, teamName), "action", "add");

    public static JsonObject RemovedFromTeam() => With(TeamActivity("installationUpdate", "sv-SE", null, TeamName), "action", "remove");

    public static JsonObject TeamEvent(string eventType, string? teamName = TeamName, JsonObject? channel = null)
    {
        var activity = TeamActivity("conversationUpdate", "sv-SE", null, teamName);
        activity["channelData"]!["eventType"] = eventType;
        if (channel is not null)
        {
            activity["channelData"]!["channel"] = channel;
        }

        return activity;
    }

    public static JsonObject BotAddedToTeam()
    {
        var activity = TeamEvent("teamMemberAdded");
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId });
        return activity;
    }

    public static JsonObject MemberAddedToTeam(JsonObject member)
    {
        var activity = TeamEvent("teamMemberAdded");
        activity["membersAdded"] = new JsonArray(member.DeepClone());
        return activity;
    }

    public static JsonObject PersonalMessage(string text, string locale = "sv-SE", JsonObject? from = null) => new()
    {
        ["type"] = "message",
        ["id"] = NextId(),
        ["text"] = text,
        ["textFormat"] = "plain",
        ["locale"] = locale,
        ["channelId"] = "msteams",
        ["serviceUrl"] = FakeBotConnector.ServiceUrl,
        ["from"] = (from ?? Karin).DeepClone(),
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "SofSBot" },
        ["conversation"] = new JsonObject { ["id"] = "a:1personal", ["conversationType"] = "personal", ["tenantId"] = TenantId },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
    };

    /// <summary>A channel message from <paramref name="from"/> that also mentions <paramref name="mentioned"/> at its end, as Teams sends it (no Entra id in the mention).</summary>
    public static JsonObject ChannelMentionOf(string textAfterMention, JsonObject mentioned, JsonObject from, string locale = "sv-SE")
    {
        var activity = ChannelMention(textAfterMention, locale);
        var name = mentioned["name"]!.GetValue<string>();
        activity["from"] = from.DeepClone();
        activity["text"] = activity["text"]!.GetValue<string>() + $" <at>{name}</at>";
        activity["entities"]!.AsArray().Add(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = $"<at>{name}</at>",
            ["mentioned"] = new JsonObject { ["id"] = mentioned["id"]!.GetValue<string>(), ["name"] = name },
        });
        return activity;
    }

    public static JsonObject ChannelMention(string textAfterMention, string locale = "sv-SE", JsonObject? from = null)
    {
        var id = NextId();
        return new JsonObject
        {
            ["type"] = "message",
            ["id"] = id,
            ["text"] = "<at>SofSBot</at> " + textAfterMention,
            ["textFormat"] = "plain",
            ["locale"] = locale,
            ["channelId"] = "msteams",
            ["serviceUrl"] = FakeBotConnector.ServiceUrl,
            ["from"] = (from ?? Karin).DeepClone(),
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "SofSBot" },
            ["conversation"] = new JsonObject { ["id"] = $"{TeammoteChannelId};messageid={id}", ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = TenantId },
            ["entities"] = new JsonArray(new JsonObject
            {
                ["type"] = "mention",
                ["text"] = "<at>SofSBot</at>",
                ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = "SofSBot" },
            }),
            ["channelData"] = new JsonObject
            {
                ["team"] = new JsonObject { ["id"] = TeamId },
                ["channel"] = new JsonObject { ["id"] = TeammoteChannelId },
                ["tenant"] = new JsonObject { ["id"] = TenantId },
            },
        };
    }

    public static JsonObject CardAction(string verb, JsonObject? data = null, JsonObject? from = null, string locale = "sv-SE")
    {
        var activity = ChannelMention(string.Empty, locale);
        activity["type"] = "invoke";
        activity["name"] = "adaptiveCard/action";
        activity.Remove("text");
        activity.Remove("entities");
        activity["from"] = (from ?? Sara).DeepClone();
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data ?? [] },
            ["trigger"] = "manual",
        };
        return activity;
    }

    private static JsonObject TeamActivity(string type, string locale, string? id, string? teamName)
    {
        var team = new JsonObject { ["id"] = TeamId, ["aadGroupId"] = "d1c2b3a4-9e8f-4a7b-8c6d-5e4f3a2b1c0d" };
        if (teamName is not null)
        {
            team["name"] = teamName;
        }

        return new JsonObject
        {
            ["type"] = type,
            ["id"] = id ?? NextId(),
            ["locale"] = locale,
            ["channelId"] = "msteams",
            ["serviceUrl"] = FakeBotConnector.ServiceUrl,
            ["from"] = Karin,
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "SofSBot" },
            ["conversation"] = new JsonObject { ["id"] = TeamId, ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = TenantId },
            ["channelData"] = new JsonObject { ["team"] = team, ["tenant"] = new JsonObject { ["id"] = TenantId } },
        };
    }

    private static JsonObject With(JsonObject activity, string name, string value)
    {
        activity[name] = value;
        return activity;
    }

    private static string NextId() => "f:" + Interlocked.Increment(ref _sequence).ToString(System.Globalization.CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..8];
}
