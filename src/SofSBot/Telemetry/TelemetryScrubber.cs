using System.Diagnostics;
using OpenTelemetry;

namespace SofSBot.Telemetry;

/// <summary>
/// Runs on every span before it is exported: URLs keep their scheme, host and the path's words, never
/// their query; every path segment that is not a plain word (a conversation, team, user or activity
/// id, a table entity's keys, which hold user ids) becomes <c>{id}</c>, so Application Insights learns
/// which API was called, not who it was about (and "mina data" has nothing to erase there). A URL
/// with a OneDrive upload session or a <c>tempauth</c> token keeps only scheme and host (its path
/// names the user's OneDrive, its query is a credential). Request spans of /api/messages carry no
/// body, so no user text reaches a span from the libraries.
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

        if (data.GetTagItem("url.path") is string path)
        {
            data.SetTag("url.path", IsSensitive(path) ? "/" : Template(path));
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
            : $"{uri.Scheme}://{uri.Authority}{Template(uri.AbsolutePath)}";
    }

    /// <summary>
    /// The path with its words kept and everything else as <c>{id}</c>: <c>/v3/conversations/a%3A1…/activities/176…</c>
    /// becomes <c>/v3/conversations/{id}/activities/{id}</c>, <c>/RatingAnswers(PartitionKey='…',RowKey='…')</c>
    /// becomes <c>/RatingAnswers({id})</c>.
    /// </summary>
    public static string Template(string path)
    {
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var open = segment.IndexOf('(', StringComparison.Ordinal);
            if (open > 0 && IsWord(segment[..open]))
            {
                segments[i] = segment[..open] + (segment.EndsWith("()", StringComparison.Ordinal) ? "()" : "({id})");
            }
            else if (segment.Length > 0 && !IsWord(segment))
            {
                segments[i] = "{id}";
            }
        }

        return string.Join('/', segments);
    }

    // An API's own words ("v3", "v1.0", "conversations", "pagedmembers", "Tables", "RatingAnswers"), not an id:
    // a letter first, then letters, digits and dots, and not long. Ids here have ':', '-', '@' or '%', or start with a digit.
    private static bool IsWord(string segment) =>
        segment.Length is > 0 and <= 40
        && char.IsAsciiLetter(segment[0])
        && segment.All(c => char.IsAsciiLetterOrDigit(c) || c == '.');

    private static bool IsSensitive(string value) =>
        value.Contains("tempauth", StringComparison.OrdinalIgnoreCase)
        || value.Contains("uploadSession", StringComparison.OrdinalIgnoreCase)
        || value.Contains("/personal/", StringComparison.OrdinalIgnoreCase)
        || value.Contains("sharepoint.com", StringComparison.OrdinalIgnoreCase);
}
