using System.Net.Http.Headers;
using SofSBot.Bot;
using SofSBot.BotFramework.Activities;
using SofSBot.BotFramework.Hosting;
using SofSBot.BotFramework.Invoke;
using SofSBot.Localization;

namespace SofSBot.Export;

/// <summary>
/// The coordinator accepted or declined an export file. On accept the file is PUT to the upload
/// session Teams opened in their OneDrive (in chunks, with Content-Range), then shown with a file
/// info card; either way the temporary file goes.
/// </summary>
internal sealed partial class ExportFileConsentHandler(ExportJobs jobs, IHttpClientFactory httpClients, ILogger<ExportFileConsentHandler> logger)
    : IFileConsentHandler
{
    public const string UploadClientName = "ExportUpload";

    // OneDrive wants chunks in multiples of 320 KiB; 12 × 320 KiB stays under its 4 MiB advice.
    private const int ChunkBytes = 12 * 320 * 1024;

    public async Task HandleAsync(TurnContext turn, FileConsentInvoke consent, CancellationToken cancellationToken)
    {
        var exportId = consent.GetContextString("exportId") ?? string.Empty;
        var export = jobs.Find(exportId);
        var language = export?.Language ?? Languages.FromLocale(turn.Activity.Locale);
        var texts = ExportBotTexts.For(language);
        if (export is null)
        {
            await turn.ReplyTextAsync(texts.Expired, cancellationToken);
            return;
        }

        // The context travels through the client: only the coordinator it was made for may take the file.
        if (export.UserId != turn.Activity.From?.Id)
        {
            LogNotYours(exportId);
            await turn.ReplyTextAsync(texts.NotYours, cancellationToken);
            return;
        }

        if (!consent.Accepted)
        {
            jobs.Remove(exportId);
            await turn.ReplyTextAsync(texts.Declined, cancellationToken);
            return;
        }

        if (consent.UploadInfo is not { UploadUrl: { Length: > 0 } uploadUrl } upload || !Uri.TryCreate(uploadUrl, UriKind.Absolute, out var uploadUri) || uploadUri.Scheme != Uri.UriSchemeHttps)
        {
            throw new InvalidOperationException("The file consent carried no usable upload URL.");
        }

        await UploadAsync(export.FilePath, uploadUri, cancellationToken);
        jobs.Remove(exportId);
        var name = upload.Name ?? export.FileName;
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

    private async Task UploadAsync(string path, Uri uploadUri, CancellationToken cancellationToken)
    {
        var client = httpClients.CreateClient(UploadClientName);
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
        var total = file.Length;
        var buffer = new byte[(int)Math.Min(ChunkBytes, Math.Max(1, total))];
        long offset = 0;
        do
        {
            var read = await file.ReadAtLeastAsync(buffer, (int)Math.Min(buffer.Length, total - offset), throwOnEndOfStream: false, cancellationToken);
            using var content = new ByteArrayContent(buffer, 0, read);
            content.Headers.ContentRange = new ContentRangeHeaderValue(offset, offset + read - 1, total);
            using var response = await client.PutAsync(uploadUri, content, cancellationToken);
            response.EnsureSuccessStatusCode();
            offset += read;
        }
        while (offset < total);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused export {ExportId}: the file consent came from another user")]
    private partial void LogNotYours(string exportId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Export {ExportId} uploaded to the coordinator's OneDrive")]
    private partial void LogUploaded(string exportId);
}
