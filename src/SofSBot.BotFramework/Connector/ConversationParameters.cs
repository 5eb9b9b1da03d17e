using System.Text.Json.Nodes;
using SofSBot.BotFramework.Activities;

namespace SofSBot.BotFramework.Connector;

/// <summary>The body of <c>POST v3/conversations</c>, as the Bot Framework schema names it.</summary>
internal sealed record ConversationParameters
{
    public bool? IsGroup { get; init; }

    public ChannelAccount? Bot { get; init; }

    public IReadOnlyList<ChannelAccount>? Members { get; init; }

    public string? TopicName { get; init; }

    public string? TenantId { get; init; }

    public Activity? Activity { get; init; }

    public JsonObject? ChannelData { get; init; }
}
