using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using SofSBot.Bot;
using SofSBot.BotFramework;
using SofSBot.BotFramework.Activities;
using SofSBot.BotFramework.Hosting;
using SofSBot.BotFramework.Invoke;
using SofSBot.Localization;

namespace SofSBot.Export;

/// <summary>
/// The coordinator accepted or declined an export file, on whichever instance the invoke reached:
/// the file is found in Blob Storage by the id on the card. On accept it is streamed in chunks
/// (with Content-Range) to the upload session Teams opened in their OneDrive, a chunk retried on a
/// transient failure, then shown with a file info card; the blob is deleted after the upload or a
/// decline. An upload refused for good leaves the blob until it expires and offers it again.
/// </summary>
internal sealed partial class ExportFileConsentHandler(
    IExportFileStore files,
    IHttpClientFactory httpClients,
    IOptionsMonitor<ExportUploadOptions> uploadOptions,
    IOptions<BotOptions> botOptions,
    TimeProvider time,
    ILogger<ExportFileConsentHandler> logger)
    : IFileConsentHandler
{
    public const string UploadClientName = "ExportUpload";

    // OneDrive wants chunks in multiples of 320 KiB; 12 × 320 KiB stays under its 4 MiB advice.
    private const int ChunkBytes = 12 * 320 * 1024;

    public async Task HandleAsync(TurnContext turn, FileConsentInvoke consent, CancellationToken cancellationToken)
    {
        var exportId = consent.GetContextString("exportId") ?? string.Empty;
        var file = await files.FindAsync(exportId, cancellationToken);
        var language = file?.Language ?? Languages.FromLocale(turn.Activity.Locale);
        var texts = ExportBotTexts.For(language);
        if (file is null)
        {
            await turn.ReplyTextAsync(texts.Expired, cancellationToken);
            return;
        }

        // The context travels through the client: only the coordinator it was made for may take the file.
        if (file.UserId != turn.Activity.From?.Id)
        {
            LogNotYours(exportId);
            await turn.ReplyTextAsync(texts.NotYours, cancellationToken);
            return;
        }

        if (ExportJobs.IsExpired(file, time.GetUtcNow()))
        {
            await files.DeleteAsync(exportId, cancellationToken);
            await turn.ReplyTextAsync(texts.Expired, cancellationToken);
            return;
        }

        if (!consent.Accepted)
        {
            await files.DeleteAsync(exportId, cancellationToken);
            await turn.ReplyTextAsync(texts.Declined, cancellationToken);
            return;
        }

        if (consent.UploadInfo is not { UploadUrl: { Length: > 0 } uploadUrl } upload || !Uri.TryCreate(uploadUrl, UriKind.Absolute, out var uploadUri) || !IsAllowedUploadUri(uploadUri))
        {
            throw new InvalidOperationException("The file consent carried no usable upload URL.");
        }

        try
        {
            await UploadAsync(file, uploadUri, cancellationToken);
        }
        catch (ExportUploadException exception)
        {
            LogUploadFailed(exception, exportId, exception.StatusCode);
            await turn.ReplyAsync(new Activity { Text = texts.UploadFailed, TextFormat = "plain", Attachments = [ExportJobs.OfferCard(file)] }, cancellationToken);
            return;
        }

        await files.DeleteAsync(exportId, cancellationToken);
        var name = upload.Name ?? file.FileName;
        await turn.ReplyAsync(new Activity
        {
            Text = string.Format(Languages.CultureFor(null, language), texts.Uploaded, name),
            TextFormat = "plain",
            Attachments = upload.ContentUrl is { Length: > 0 } contentUrl
                ? [TeamsFileAttachments.FileInfoCard(name, contentUrl, upload.UniqueId, upload.FileType)]
                : null,
        }, cancellationToken);
        LogUploaded(exportId);
    }

    /// <summary>
    /// HTTPS only, as OneDrive's upload sessions are; plain HTTP to the loopback interface only in
    /// local development (no app id), where a local stand-in plays the upload session.
    /// </summary>
    private bool IsAllowedUploadUri(Uri uri) =>
        uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback && botOptions.Value.IsAnonymous);

    private async Task UploadAsync(ExportFile file, Uri uploadUri, CancellationToken cancellationToken)
    {
        var client = httpClients.CreateClient(UploadClientName);
        await using var content = await files.OpenReadAsync(file.ExportId, cancellationToken);
        var total = file.SizeInBytes;
        var buffer = new byte[(int)Math.Min(ChunkBytes, Math.Max(1, total))];
        long offset = 0;
        do
        {
            var read = await content.ReadAtLeastAsync(buffer, (int)Math.Min(buffer.Length, total - offset), throwOnEndOfStream: false, cancellationToken);
            if (read == 0)
            {
                throw new InvalidOperationException($"Export {file.ExportId} ended after {offset} of {total} bytes.");
            }

            await PutChunkAsync(client, uploadUri, new ArraySegment<byte>(buffer, 0, read), offset, total, cancellationToken);
            offset += read;
        }
        while (offset < total);
    }

    /// <summary>PUTs one byte range, again after a transient failure (the same range twice is harmless).</summary>
    private async Task PutChunkAsync(HttpClient client, Uri uploadUri, ArraySegment<byte> chunk, long offset, long total, CancellationToken cancellationToken)
    {
        var settings = uploadOptions.CurrentValue;
        for (var attempt = 1; ; attempt++)
        {
            var lastAttempt = attempt >= settings.MaxAttempts;
            using var body = new ByteArrayContent(chunk.Array!, chunk.Offset, chunk.Count);
            body.Headers.ContentRange = new ContentRangeHeaderValue(offset, offset + chunk.Count - 1, total);
            TimeSpan wait;
            try
            {
                using var response = await client.PutAsync(uploadUri, body, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
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

                LogRetryingStatus((int)response.StatusCode, offset, attempt, wait);
            }
            catch (Exception exception) when (!lastAttempt && !cancellationToken.IsCancellationRequested && exception is HttpRequestException or TaskCanceledException)
            {
                // No answer (connection failed, or the client's time limit): the same range again.
                wait = Backoff(attempt, settings);
                LogRetryingException(exception, offset, attempt, wait);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is HttpRequestException or TaskCanceledException)
            {
                throw new ExportUploadException(null, exception);
            }

            await Task.Delay(wait, time, cancellationToken);
        }
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused export {ExportId}: the file consent came from another user")]
    private partial void LogNotYours(string exportId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Export {ExportId} uploaded to the coordinator's OneDrive")]
    private partial void LogUploaded(string exportId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upload of export {ExportId} to OneDrive failed (HTTP {StatusCode}); the file is kept until it expires and offered again")]
    private partial void LogUploadFailed(Exception exception, string exportId, HttpStatusCode? statusCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Upload chunk at byte {Offset} answered {StatusCode} (attempt {Attempt}); retrying in {Wait}")]
    private partial void LogRetryingStatus(int statusCode, long offset, int attempt, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Information, Message = "Upload chunk at byte {Offset} got no answer (attempt {Attempt}); retrying in {Wait}")]
    private partial void LogRetryingException(Exception exception, long offset, int attempt, TimeSpan wait);
}
