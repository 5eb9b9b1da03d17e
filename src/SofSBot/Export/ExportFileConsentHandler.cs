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
/// the file is found in Blob Storage by the id on the card. The checks (the user, the file's age)
/// answer at once; an accepted file is uploaded in the background (<see cref="ExportUploads"/>), so
/// the invoke is answered before the upload ends. A declined file's blob is deleted.
/// </summary>
internal sealed partial class ExportFileConsentHandler(
    IExportFileStore files,
    ExportUploads uploads,
    IOptions<BotOptions> botOptions,
    TimeProvider time,
    ILogger<ExportFileConsentHandler> logger)
    : IFileConsentHandler
{
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
            // Teams always sends an https upload session; anything else is not followed. Nothing is
            // uploaded; the file is left to its hour.
            LogNoUploadPlace(exportId);
            await turn.ReplyTextAsync(texts.NoUploadPlace, cancellationToken);
            return;
        }

        // Answered at once; the upload and its result go on in the background.
        if (!await uploads.TryStartAsync(turn, file, uploadUri, upload, cancellationToken))
        {
            // A second accept (a double press, or Teams retrying) while the first one uploads.
            await turn.ReplyTextAsync(texts.UploadAlreadyRunning, cancellationToken);
        }
    }

    /// <summary>
    /// HTTPS only, as OneDrive's upload sessions are; plain HTTP to the loopback interface only in
    /// local development (no app id), where a local stand-in plays the upload session.
    /// </summary>
    private bool IsAllowedUploadUri(Uri uri) =>
        uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback && botOptions.Value.IsAnonymous);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused export {ExportId}: the file consent carried no usable upload URL")]
    private partial void LogNoUploadPlace(string exportId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused export {ExportId}: the file consent came from another user")]
    private partial void LogNotYours(string exportId);
}
