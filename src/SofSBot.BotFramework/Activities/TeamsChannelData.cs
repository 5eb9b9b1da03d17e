using System.Text.Json;

namespace SofSBot.BotFramework.Activities;

/// <summary>The parts of Teams' <c>channelData</c> that bots act on.</summary>
public sealed record TeamsChannelData
{
    /// <summary>For conversationUpdate: channelCreated, channelRenamed, teamMemberAdded, …</summary>
    public string? EventType { get; init; }

    public TeamInfo? Team { get; init; }

    public ChannelInfo? Channel { get; init; }

    public string? TenantId { get; init; }

    /// <summary>For installationUpdate in a team: the channel the installing user chose.</summary>
    public ChannelInfo? SelectedChannel { get; init; }

    /// <summary>Reads Teams' fields from raw channel data; anything malformed reads as absent.</summary>
    public static TeamsChannelData From(JsonElement? channelData)
    {
        if (channelData is not { ValueKind: JsonValueKind.Object } data)
        {
            return new TeamsChannelData();
        }

        return new TeamsChannelData
        {
            EventType = StringProperty(data, "eventType"),
            Team = ObjectProperty(data, "team") is { } team
                ? new TeamInfo(StringProperty(team, "id"), StringProperty(team, "name"), StringProperty(team, "aadGroupId"))
                : null,
            Channel = ObjectProperty(data, "channel") is { } channel
                ? new ChannelInfo(StringProperty(channel, "id"), StringProperty(channel, "name"))
                : null,
            TenantId = ObjectProperty(data, "tenant") is { } tenant ? StringProperty(tenant, "id") : null,
            SelectedChannel = ObjectProperty(data, "settings") is { } settings
                && ObjectProperty(settings, "selectedChannel") is { } selected
                    ? new ChannelInfo(StringProperty(selected, "id"), StringProperty(selected, "name"))
                    : null,
        };
    }

    private static JsonElement? ObjectProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
