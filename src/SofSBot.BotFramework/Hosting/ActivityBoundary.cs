using System.Text.Json;
using SofSBot.BotFramework.Activities;

namespace SofSBot.BotFramework.Hosting;

/// <summary>
/// What an activity must look like before anything acts on it. Every string must be valid UTF-16
/// (a lone surrogate cannot be written to storage or JSON again), and every id that an application
/// may use as a storage key — the activity's, the conversation's, the people's, the team's, the
/// channel's, the tenant's, a card action's verb and its data fields named <c>…Id</c>, and the names
/// of the card's inputs — must be short and free of the characters Azure Table keys forbid
/// (<c>/ \ # ?</c> and control characters). Teams' ids are far shorter than <see cref="MaxIdLength"/>.
/// The answers are short fixed strings for the log; they carry no content of the activity.
/// </summary>
internal static class ActivityBoundary
{
    /// <summary>The longest id accepted: three of them still fit one 1 KiB table key.</summary>
    internal const int MaxIdLength = 256;

    /// <summary>Null when every string in the JSON is valid UTF-16; otherwise why not.</summary>
    public static string? FindInvalidText(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && HasLoneSurrogate(reader.GetString()))
                {
                    return "a string is not valid UTF-16";
                }
            }
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses to unescape a lone surrogate ("\ud800").
            return "a string is not valid UTF-16";
        }
        catch (JsonException)
        {
            // Malformed JSON is reported by the deserializer.
            return null;
        }

        return null;
    }

    /// <summary>Null when every id of the activity can serve as a table key; otherwise which one cannot.</summary>
    public static string? FindUnsafeId(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var channelData = activity.GetTeamsChannelData();
        var ids = new (string Field, string? Value)[]
        {
            ("id", activity.Id),
            ("replyToId", activity.ReplyToId),
            ("channelId", activity.ChannelId),
            ("from.id", activity.From?.Id),
            ("from.aadObjectId", activity.From?.AadObjectId),
            ("recipient.id", activity.Recipient?.Id),
            ("conversation.id", activity.Conversation?.Id),
            ("conversation.tenantId", activity.Conversation?.TenantId),
            ("channelData.team.id", channelData.Team?.Id),
            ("channelData.team.aadGroupId", channelData.Team?.AadGroupId),
            ("channelData.channel.id", channelData.Channel?.Id),
            ("channelData.settings.selectedChannel.id", channelData.SelectedChannel?.Id),
            ("channelData.tenant.id", channelData.TenantId),
        };
        foreach (var (field, id) in ids)
        {
            if (!IsSafeId(id))
            {
                return field;
            }
        }

        var members = (activity.MembersAdded ?? []).Concat(activity.MembersRemoved ?? []).Concat(activity.Mentions.Select(m => m.Mentioned ?? new ChannelAccount()));
        if (members.Any(member => !IsSafeId(member.Id) || !IsSafeId(member.AadObjectId)))
        {
            return "a member's or mention's id";
        }

        return activity.Value is { ValueKind: JsonValueKind.Object } value ? FindUnsafeValueId(activity, value) : null;
    }

    /// <summary>Whether a (possibly absent) id is short and free of the characters table keys forbid.</summary>
    internal static bool IsSafeId(string? value) =>
        value is null || (value.Length <= MaxIdLength && !value.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c)));

    private static string? FindUnsafeValueId(Activity activity, JsonElement value)
    {
        // An Action.Execute carries its verb and data in value.action; an Action.Submit is the data itself;
        // a file consent's context is what the bot put on its card.
        if (activity.Type == ActivityTypes.Invoke && Property(value, "action") is { } action)
        {
            return FindUnsafeCardData(action, "value.action") ?? (Property(action, "data") is { } data ? FindUnsafeCardData(data, "value.action.data") : null);
        }

        return FindUnsafeCardData(value, "value") ?? (Property(value, "context") is { } context ? FindUnsafeCardData(context, "value.context") : null);
    }

    private static string? FindUnsafeCardData(JsonElement data, string where)
    {
        foreach (var property in data.EnumerateObject())
        {
            if (property.Name.Length > MaxIdLength)
            {
                return where + " has an input name that is too long";
            }

            var isId = property.Name.Equals("verb", StringComparison.Ordinal) || property.Name.EndsWith("Id", StringComparison.Ordinal);
            if (isId && property.Value.ValueKind == JsonValueKind.String && !IsSafeId(property.Value.GetString()))
            {
                return where + " has an id field that cannot be a key";
            }
        }

        return null;
    }

    private static JsonElement? Property(JsonElement element, string name) =>
        element.TryGetProperty(name, out var found) && found.ValueKind == JsonValueKind.Object ? found : null;

    private static bool HasLoneSurrogate(string? text)
    {
        if (text is null)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
