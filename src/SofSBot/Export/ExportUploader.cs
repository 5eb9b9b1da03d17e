using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace SofSBot.Export;

/// <summary>
/// Streams an export from Blob Storage in chunks (with Content-Range) to the OneDrive upload session
/// Teams opened, resuming like an upload session: after a chunk that failed or got no answer, the
/// session is asked (GET on the upload URL) which bytes it still expects, and the upload goes on from
/// there instead of sending a range it already has.
/// </summary>
internal sealed partial class ExportUploader(
    IExportFileStore files,
    IHttpClientFactory httpClients,
    IOptionsMonitor<ExportUploadOptions> uploadOptions,
    TimeProvider time,
    ILogger<ExportUploader> logger)
{
    public const string ClientName = "ExportUpload";

    // OneDrive wants chunks in multiples of 320 KiB; 12 × 320 KiB stays under its 4 MiB advice.
    private const int ChunkBytes = 12 * 320 * 1024;

    /// <summary>The upload client's time limit per request (a chunk's PUT, or the session's status GET).</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long an upload of this file may take at worst: every chunk spending all its attempts on a
    /// timed-out PUT, a timed-out status read and the longest wait. The claim that keeps a second
    /// instance from uploading the same file holds at least that long (and never less than 30 minutes).
    /// </summary>
    public TimeSpan LeaseFor(ExportFile file)
    {
        var options = uploadOptions.CurrentValue;
        var chunks = Math.Max(1, (file.SizeInBytes + ChunkBytes - 1) / ChunkBytes);
        var worst = ((RequestTimeout * 2) + options.MaxDelay) * options.MaxAttempts * chunks;
        return worst > TimeSpan.FromMinutes(30) ? worst : TimeSpan.FromMinutes(30);
    }

    /// <summary>
    /// Uploads the whole file. Throws <see cref="ExportUploadException"/> when the session refuses a
    /// chunk for good or never answers, and what the blob store throws when the bytes cannot be read.
    /// </summary>
    public async Task<ExportUploadCompletion> UploadAsync(ExportFile file, Uri uploadUri, CancellationToken cancellationToken)
    {
        var client = httpClients.CreateClient(ClientName);
        await using var content = await files.OpenReadAsync(file.ExportId, cancellationToken);
        var total = file.SizeInBytes;
        var buffer = new byte[(int)Math.Min(ChunkBytes, Math.Max(1, total))];
        long chunkStart = 0;
        do
        {
            var read = await content.ReadAtLeastAsync(buffer, (int)Math.Min(buffer.Length, total - chunkStart), throwOnEndOfStream: false, cancellationToken);
            if (read == 0)
            {
                throw new InvalidDataException($"Export {file.ExportId} ended after {chunkStart} of {total} bytes.");
            }

            if (await SendChunkAsync(client, uploadUri, buffer, chunkStart, read, total, cancellationToken) is { } completion)
            {
                return completion;
            }

            chunkStart += read;
        }
        while (chunkStart < total);

        // The session answered the last range as if more were expected: not a completed upload.
        throw new ExportUploadException(HttpStatusCode.Accepted);
    }

    /// <summary>
    /// Sends the chunk <c>[chunkStart, chunkStart + length)</c>, or the part of it the session still
    /// expects, until the session has it. Returns how the upload completed when this was its last
    /// range, otherwise null.
    /// </summary>
    private async Task<ExportUploadCompletion?> SendChunkAsync(HttpClient client, Uri uploadUri, byte[] buffer, long chunkStart, int length, long total, CancellationToken cancellationToken)
    {
        var settings = uploadOptions.CurrentValue;
        var chunkEnd = chunkStart + length;
        var isLast = chunkEnd == total;
        var from = chunkStart;
        for (var attempt = 1; ; attempt++)
        {
            var lastAttempt = attempt >= settings.MaxAttempts;
            using var body = new ByteArrayContent(buffer, (int)(from - chunkStart), (int)(chunkEnd - from));
            body.Headers.ContentRange = new ContentRangeHeaderValue(from, chunkEnd - 1, total);
            TimeSpan wait;
            Exception? lostAnswer = null;
            try
            {
                using var response = await client.PutAsync(uploadUri, body, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    // The session answers the last range with the item (200 or 201); 202 means it wants more.
                    return !isLast ? null
                        : response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created ? ExportUploadCompletion.ItemCreated
                        : throw new ExportUploadException(response.StatusCode);
                }

                if (lastAttempt || !IsTransient(response.StatusCode))
                {
                    throw new ExportUploadException(response.StatusCode);
                }

                wait = Backoff(attempt, settings);
                if (RetryAfter(response.Headers.RetryAfter) is { } retryAfter)
                {
                    wait = retryAfter <= settings.MaxDelay ? retryAfter : throw new ExportUploadException(response.StatusCode);
                }

                LogRetryingStatus((int)response.StatusCode, from, attempt, wait);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is HttpRequestException or TaskCanceledException)
            {
                // No answer (connection failed, or the client's time limit): the session may have the range or not.
                lostAnswer = exception;
                wait = Backoff(attempt, settings);
                LogRetryingException(exception, from, attempt, wait);
            }

            if (!lastAttempt)
            {
                await Task.Delay(wait, time, cancellationToken);
            }

            // Ask the session where to go on before sending anything again — and after the last
            // attempt's lost answer too, as the session may have received that range.
            switch (await QueryNextExpectedAsync(client, uploadUri, cancellationToken))
            {
                case SessionStatus.Expects { Offset: var next } when next >= chunkEnd:
                    LogChunkAlreadyReceived(chunkStart, next);
                    return isLast ? ExportUploadCompletion.ItemUnknown : null;
                case SessionStatus.Expects { Offset: var next } when next < chunkStart:
                    // The session lacks bytes before this chunk, which were already read from the blob.
                    LogSessionWentBack(next, chunkStart);
                    throw new ExportUploadException(HttpStatusCode.RequestedRangeNotSatisfiable, lostAnswer);
                case SessionStatus.Gone when isLast:
                    // The last range was sent and its answer lost or an error: a session that is gone then
                    // ended with the file made (offering it again would make a second copy).
                    LogCompletedWithoutAnswer(total);
                    return ExportUploadCompletion.ItemUnknown;
                case SessionStatus.Gone:
                    throw new ExportUploadException(HttpStatusCode.NotFound, lostAnswer);
                case var _ when lastAttempt:
                    throw new ExportUploadException(null, lostAnswer);
                case SessionStatus.Expects { Offset: var next }:
                    if (next != from)
                    {
                        LogResuming(from, next);
                    }

                    from = next;
                    break;
                default:
                    // No status: the same range again, as before the session could be asked.
                    break;
            }
        }
    }

    /// <summary>
    /// GET on the upload URL: 200 with <c>nextExpectedRanges</c> (<c>"start-end"</c> or <c>"start-"</c>)
    /// while the session is open, 404 once it has ended (completed, cancelled or expired).
    /// </summary>
    private async Task<SessionStatus> QueryNextExpectedAsync(HttpClient client, Uri uploadUri, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetAsync(uploadUri, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return SessionStatus.Gone.Instance;
            }

            if (!response.IsSuccessStatusCode)
            {
                LogStatusUnknown((int)response.StatusCode);
                return SessionStatus.Unknown.Instance;
            }

            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var json = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
            if (json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("nextExpectedRanges", out var ranges)
                && ranges.ValueKind == JsonValueKind.Array)
            {
                long? first = null;
                foreach (var range in ranges.EnumerateArray())
                {
                    if (range.ValueKind == JsonValueKind.String && RangeStart(range.GetString()!) is { } start && (first is null || start < first))
                    {
                        first = start;
                    }
                }

                if (first is { } offset)
                {
                    return new SessionStatus.Expects(offset);
                }
            }

            LogStatusUnknown((int)response.StatusCode);
            return SessionStatus.Unknown.Instance;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is HttpRequestException or TaskCanceledException or JsonException)
        {
            LogStatusUnknown(null);
            return SessionStatus.Unknown.Instance;
        }
    }

    /// <summary>The start of <c>"start-end"</c>, <c>"start-"</c> or <c>"start"</c>; null when it is none of them.</summary>
    private static long? RangeStart(string range)
    {
        var dash = range.IndexOf('-', StringComparison.Ordinal);
        var start = dash < 0 ? range : range[..dash];
        return long.TryParse(start, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    /// <summary>Full jitter: uniform in [0, min(max, base × 2^(attempt − 1))).</summary>
    private static TimeSpan Backoff(int attempt, ExportUploadOptions settings)
    {
        var ceiling = Math.Min(settings.MaxDelay.Ticks, settings.BaseDelay.Ticks * Math.Pow(2, Math.Min(attempt - 1, 30)));
        return TimeSpan.FromTicks((long)(ceiling * Random.Shared.NextDouble()));
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > time.GetUtcNow() ? date - time.GetUtcNow() : TimeSpan.Zero,
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Upload chunk at byte {Offset} answered {StatusCode} (attempt {Attempt}); retrying in {Wait}")]
    private partial void LogRetryingStatus(int statusCode, long offset, int attempt, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Information, Message = "Upload chunk at byte {Offset} got no answer (attempt {Attempt}); retrying in {Wait}")]
    private partial void LogRetryingException(Exception exception, long offset, int attempt, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Information, Message = "The upload session already has the chunk from byte {ChunkStart}; it expects byte {Next} next")]
    private partial void LogChunkAlreadyReceived(long chunkStart, long next);

    [LoggerMessage(Level = LogLevel.Information, Message = "The upload session expects byte {Next}, not {From}: resuming there")]
    private partial void LogResuming(long from, long next);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The upload session expects byte {Next}, before the chunk at {ChunkStart} already read; the upload ends")]
    private partial void LogSessionWentBack(long next, long chunkStart);

    [LoggerMessage(Level = LogLevel.Information, Message = "The last range ({Total} bytes in all) got no answer and the session is gone: taken as completed")]
    private partial void LogCompletedWithoutAnswer(long total);

    [LoggerMessage(Level = LogLevel.Information, Message = "The upload session's status could not be read (HTTP {StatusCode}); the same range is sent again")]
    private partial void LogStatusUnknown(int? statusCode);

    /// <summary>What a GET on the upload URL told.</summary>
    private abstract record SessionStatus
    {
        /// <summary>Open, and the first byte it still lacks is <paramref name="Offset"/>.</summary>
        public sealed record Expects(long Offset) : SessionStatus;

        /// <summary>404: the session has ended.</summary>
        public sealed record Gone : SessionStatus
        {
            public static Gone Instance { get; } = new();
        }

        /// <summary>No usable answer.</summary>
        public sealed record Unknown : SessionStatus
        {
            public static Unknown Instance { get; } = new();
        }
    }
}
