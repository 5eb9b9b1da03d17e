using System.Text.Json;
using SofSBot.BotFramework.Activities;

namespace SofSBot.BotFramework.Invoke;

/// <summary>Where Teams lets the bot put an accepted file: an upload session in the user's OneDrive.</summary>
/// <param name="UploadUrl">Where to PUT the bytes (Content-Range per chunk).</param>
/// <param name="ContentUrl">The file's address once uploaded, for the file info card.</param>
public sealed record FileUploadInfo(string? Name, string? UploadUrl, string? ContentUrl, string? UniqueId, string? FileType);

/// <summary>
/// The user's answer to a FileConsentCard: invoke <c>fileConsent/invoke</c> with
/// <c>value: { type: "fileUpload", action: "accept"|"decline", context, uploadInfo }</c>. Teams
/// expects HTTP 200 with no body.
/// </summary>
public sealed record FileConsentInvoke(bool Accepted, JsonElement Context, FileUploadInfo? UploadInfo)
{
    public const string InvokeName = "fileConsent/invoke";

    public static FileConsentInvoke? From(Activity activity)
    {
        if (activity.Type != ActivityTypes.Invoke || activity.Name != InvokeName || activity.Value is not { ValueKind: JsonValueKind.Object } value)
        {
            return null;
        }

        var accepted = String(value, "action") == "accept";
        var context = value.TryGetProperty("context", out var found) ? found.Clone() : default;
        FileUploadInfo? upload = null;
        if (value.TryGetProperty("uploadInfo", out var info) && info.ValueKind == JsonValueKind.Object)
        {
            upload = new FileUploadInfo(String(info, "name"), String(info, "uploadUrl"), String(info, "contentUrl"), String(info, "uniqueId"), String(info, "fileType"));
        }

        return new FileConsentInvoke(accepted, context, upload);
    }

    /// <summary>A string field of <see cref="Context"/>, or null.</summary>
    public string? GetContextString(string name) => Context.ValueKind == JsonValueKind.Object ? String(Context, name) : null;

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
