using System.Collections.Concurrent;
using Azure;
using SofSBot.BotFramework;
using SofSBot.BotFramework.Activities;
using SofSBot.BotFramework.Hosting;
using SofSBot.BotFramework.Invoke;
using SofSBot.Localization;

namespace SofSBot.Export;

/// <summary>
/// Uploads accepted export files in the background: with retries a large file takes far longer than
/// Teams waits for the answer to <c>fileConsent/invoke</c>, so the invoke is answered at once and the
/// result is posted to the coordinator's chat afterwards — the file info card, or the failure and the
/// same file offered again. One upload per file at a time: on this instance by the running task, across
/// instances by a claim with a lease (two accepts of one card can reach two instances).
/// </summary>
internal sealed partial class ExportUploads(
    ExportUploader uploader,
    IExportFileStore files,
    Storage.IClaimStore claims,
    IHostApplicationLifetime lifetime,
    ILogger<ExportUploads> logger)
{
    /// <summary>The <c>Claims</c> scope of running uploads; the key is the file's random id, naming no one.</summary>
    internal const string ClaimScope = "export-upload";

    private static readonly TimeSpan TellWhenStoppingWithin = TimeSpan.FromSeconds(5);

    // Longer than the slowest upload with every retry; an instance that died mid-upload frees the file after it.
    private static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<string, Task> _running = new(StringComparer.Ordinal);
    private readonly Lock _starting = new();

    /// <summary>Starts the upload unless one of the same file is running here or on another instance; false when one is.</summary>
    public async Task<bool> TryStartAsync(TurnContext turn, ExportFile file, Uri uploadUri, FileUploadInfo upload, CancellationToken cancellationToken)
    {
        if (_running.ContainsKey(file.ExportId)
            || await claims.TryClaimAsync(ClaimScope, file.ExportId, ClaimLease, cancellationToken) != Storage.ClaimOutcome.Claimed)
        {
            LogAlreadyRunning(file.ExportId);
            return false;
        }

        Task task;
        lock (_starting)
        {
            if (_running.ContainsKey(file.ExportId))
            {
                LogAlreadyRunning(file.ExportId);
                return false;
            }

            task = Task.Run(() => RunClaimedAsync(turn, file, uploadUri, upload, lifetime.ApplicationStopping), CancellationToken.None);
            _running[file.ExportId] = task;
        }

        _ = task.ContinueWith(done => _running.TryRemove(new KeyValuePair<string, Task>(file.ExportId, done)), TaskScheduler.Default);
        return true;
    }

    /// <summary>Waits for the uploads running now (tests, and a graceful stop).</summary>
    public Task WhenIdleAsync() => Task.WhenAll(_running.Values);

    /// <summary>Completes the claim after an upload (the file is gone then anyway), gives it back after a failure so the file offered again can be accepted.</summary>
    private async Task RunClaimedAsync(TurnContext turn, ExportFile file, Uri uploadUri, FileUploadInfo upload, CancellationToken cancellationToken)
    {
        var uploaded = false;
        try
        {
            uploaded = await RunAsync(turn, file, uploadUri, upload, cancellationToken);
        }
        finally
        {
            try
            {
                await (uploaded
                    ? claims.CompleteAsync(ClaimScope, file.ExportId, CancellationToken.None)
                    : claims.ReleaseAsync(ClaimScope, file.ExportId, CancellationToken.None));
            }
            catch (RequestFailedException exception)
            {
                // The lease frees it in time.
                LogClaimNotSettled(exception, file.ExportId);
            }
        }
    }

    private async Task<bool> RunAsync(TurnContext turn, ExportFile file, Uri uploadUri, FileUploadInfo upload, CancellationToken cancellationToken)
    {
        var texts = ExportBotTexts.For(file.Language);
        ExportUploadCompletion completion;
        try
        {
            completion = await uploader.UploadAsync(file, uploadUri, cancellationToken);
        }
        catch (ExportUploadException exception)
        {
            LogUploadFailed(exception, file.ExportId, exception.StatusCode);
            await TellFailedAsync(turn, file, texts, cancellationToken);
            return false;
        }
        catch (RequestFailedException exception)
        {
            // The blob could not be read (deleted meanwhile, or storage failing): the upload failed.
            LogBlobReadFailed(exception, file.ExportId, exception.Status);
            await TellFailedAsync(turn, file, texts, cancellationToken);
            return false;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The app is stopping: the blob stays, and the coordinator may accept it again, if told so in time.
            LogStopped(file.ExportId);
            using var shortly = new CancellationTokenSource(TellWhenStoppingWithin);
            await TellFailedAsync(turn, file, texts, shortly.Token);
            return false;
        }
        catch (Exception exception)
        {
            LogUploadBroke(exception, file.ExportId);
            await TellFailedAsync(turn, file, texts, cancellationToken);
            return false;
        }

        try
        {
            await files.DeleteAsync(file.ExportId, cancellationToken);
        }
        catch (Exception exception) when (exception is RequestFailedException or OperationCanceledException)
        {
            // Uploaded all the same; the hourly sweep takes the blob.
            LogDeleteFailed(exception, file.ExportId);
        }

        var name = upload.Name ?? file.FileName;
        var showCard = completion == ExportUploadCompletion.ItemCreated && upload.ContentUrl is { Length: > 0 };
        await TrySendAsync(turn, new Activity
        {
            Text = string.Format(Languages.CultureFor(null, file.Language), texts.Uploaded, name),
            TextFormat = "plain",
            // Without the session's answer the item is unseen (a name conflict may have renamed it): no link then.
            Attachments = showCard ? [TeamsFileAttachments.FileInfoCard(name, upload.ContentUrl!, upload.UniqueId, upload.FileType)] : null,
        }, cancellationToken);
        LogUploaded(file.ExportId, completion);
        return true;
    }

    /// <summary>The coordinator hears that the file was not saved, and gets it offered again while it is there.</summary>
    private async Task TellFailedAsync(TurnContext turn, ExportFile file, ExportBotTexts texts, CancellationToken cancellationToken)
    {
        ExportFile? stillThere;
        try
        {
            stillThere = await files.FindAsync(file.ExportId, cancellationToken);
        }
        catch (RequestFailedException exception)
        {
            LogBlobReadFailed(exception, file.ExportId, exception.Status);
            stillThere = null;
        }
        catch (OperationCanceledException)
        {
            // Out of time while stopping: no message can go either.
            return;
        }

        await TrySendAsync(turn, stillThere is null
            ? new Activity { Text = texts.UploadFailedFileGone, TextFormat = "plain" }
            : new Activity { Text = texts.UploadFailed, TextFormat = "plain", Attachments = [ExportJobs.OfferCard(stillThere)] },
            cancellationToken);
    }

    private async Task TrySendAsync(TurnContext turn, Activity message, CancellationToken cancellationToken)
    {
        try
        {
            await turn.SendAsync(message, cancellationToken);
        }
        catch (Exception exception)
        {
            // Runs unawaited in the background: nothing may escape it (a cancelled send included).
            LogNotTold(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not settle the upload claim of export {ExportId}; its lease frees it")]
    private partial void LogClaimNotSettled(Exception exception, string exportId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Export {ExportId} is being uploaded already; the second acceptance starts nothing")]
    private partial void LogAlreadyRunning(string exportId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Export {ExportId} uploaded to the coordinator's OneDrive ({Completion})")]
    private partial void LogUploaded(string exportId, ExportUploadCompletion completion);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upload of export {ExportId} to OneDrive failed (HTTP {StatusCode}); the file is kept until it expires and offered again")]
    private partial void LogUploadFailed(Exception exception, string exportId, System.Net.HttpStatusCode? statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Export {ExportId} could not be read from Blob Storage (HTTP {Status}) during its upload")]
    private partial void LogBlobReadFailed(Exception exception, string exportId, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upload of export {ExportId} stopped with the app; the file is kept and offered again")]
    private partial void LogStopped(string exportId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Upload of export {ExportId} failed unexpectedly")]
    private partial void LogUploadBroke(Exception exception, string exportId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Export {ExportId} was uploaded but its blob could not be deleted; the hourly sweep will")]
    private partial void LogDeleteFailed(Exception exception, string exportId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the coordinator how the upload went")]
    private partial void LogNotTold(Exception exception);
}
