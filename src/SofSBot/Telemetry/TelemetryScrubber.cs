using System.Diagnostics;
using OpenTelemetry;

namespace SofSBot.Telemetry;

/// <summary>
/// Runs on every span before it is exported: URLs keep their scheme, host and path, never their
/// query; a URL with a OneDrive upload session or a <c>tempauth</c> token keeps only scheme and host
/// (its path names the user's OneDrive, its query is a credential). Request spans of /api/messages
/// carry no body, so no user text reaches a span from the libraries.
/// </summary>
internal sealed class TelemetryScrubber : BaseProcessor<Activity>
{
    private static readonly string[] UrlTags = ["url.full", "http.url", "url.original"];
    private static readonly string[] DroppedTags = ["url.query", "http.target"];

    public override void OnEnd(Activity data)
    {
        foreach (var tag in UrlTags)
        {
            if (data.GetTagItem(tag) is string url)
            {
                data.SetTag(tag, Scrub(url));
            }
        }

        foreach (var tag in DroppedTags)
        {
            if (data.GetTagItem(tag) is not null)
            {
                data.SetTag(tag, null);
            }
        }

        if (data.GetTagItem("url.path") is string path && IsSensitive(path))
        {
            data.SetTag("url.path", "/");
        }

        if (IsSensitive(data.DisplayName))
        {
            data.DisplayName = data.Kind == ActivityKind.Client ? "HTTP upload" : data.OperationName;
        }
    }

    /// <summary>The URL without query and fragment; without path too when it leads into a user's files.</summary>
    public static string Scrub(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return IsSensitive(url) ? "[redacted]" : url.Split('?', '#')[0];
        }

        return IsSensitive(url)
            ? $"{uri.Scheme}://{uri.Authority}/"
            : $"{uri.Scheme}://{uri.Authority}{uri.AbsolutePath}";
    }

    private static bool IsSensitive(string value) =>
        value.Contains("tempauth", StringComparison.OrdinalIgnoreCase)
        || value.Contains("uploadSession", StringComparison.OrdinalIgnoreCase)
        || value.Contains("/personal/", StringComparison.OrdinalIgnoreCase)
        || value.Contains("sharepoint.com", StringComparison.OrdinalIgnoreCase);
}
