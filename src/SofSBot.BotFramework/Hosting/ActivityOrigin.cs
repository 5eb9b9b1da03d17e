using SofSBot.BotFramework.Activities;

namespace SofSBot.BotFramework.Hosting;

/// <summary>
/// Where an activity comes from, checked after its token: only Microsoft Teams (other channels of an
/// Azure Bot — Web Chat, Direct Line — let the client choose <c>from</c>), and only the tenants in
/// <see cref="BotOptions.AllowedTenants"/>. The tenant is read from <c>channelData.tenant.id</c> and
/// <c>conversation.tenantId</c>; when both are given they must agree. The same holds in anonymous
/// local mode, where the Agents Playground sends <c>msteams</c> and its demo tenant.
/// </summary>
internal static class ActivityOrigin
{
    public const string TeamsChannelId = "msteams";

    /// <summary>Null when the activity may be handled; otherwise a fixed reason for the log.</summary>
    public static string? FindRefusal(Activity activity, BotOptions options)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(options);
        if (!string.Equals(activity.ChannelId, TeamsChannelId, StringComparison.Ordinal))
        {
            return "the channel is not Microsoft Teams";
        }

        var inChannelData = Blank(activity.GetTeamsChannelData().TenantId);
        var inConversation = Blank(activity.Conversation?.TenantId);
        if (inChannelData is null && inConversation is null)
        {
            return "the activity names no tenant";
        }

        if (inChannelData is not null && inConversation is not null && !string.Equals(inChannelData, inConversation, StringComparison.OrdinalIgnoreCase))
        {
            return "the activity names two different tenants";
        }

        return options.IsAllowedTenant(inChannelData ?? inConversation!) ? null : "the tenant is not allowed";
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
