using System.Collections.Concurrent;
using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;

namespace SofSBot.Tests.Infrastructure;

/// <summary>One request the app sent to Table storage, and how many rows its answer held (null when it held none).</summary>
internal sealed record StorageRequest(string Method, string Table, string Query, int Status, int? Rows);

/// <summary>
/// Counts the app's requests to Table storage (a pipeline policy on its <c>TableServiceClient</c>), with
/// the rows each query returned, so a test can hold a click to a storage budget.
/// </summary>
internal sealed class StorageRequestCounter : HttpPipelinePolicy
{
    private readonly ConcurrentQueue<StorageRequest> _requests = new();

    public IReadOnlyList<StorageRequest> Requests => [.. _requests];

    public void Reset() => _requests.Clear();

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ProcessNext(message, pipeline);
        Record(message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline);
        Record(message);
    }

    private void Record(HttpMessage message)
    {
        var path = Uri.UnescapeDataString(message.Request.Uri.Path);
        var table = path.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? string.Empty;
        var paren = table.IndexOf('(', StringComparison.Ordinal);
        table = paren >= 0 ? table[..paren] : table;
        _requests.Enqueue(new StorageRequest(
            message.Request.Method.ToString(), table, Uri.UnescapeDataString(message.Request.Uri.Query), message.Response.Status, RowsOf(message)));
    }

    private static int? RowsOf(HttpMessage message)
    {
        if (message.Request.Method != RequestMethod.Get || message.Response.Status != 200 || message.Response.Content is not { } content)
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(content.ToMemory());
            return json.RootElement.TryGetProperty("value", out var rows) && rows.ValueKind == JsonValueKind.Array ? rows.GetArrayLength() : 1;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
