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
    ILogger<ExportUploads> logger) : IHostedService
{
    /// <summary>The <c>Claims</c> scope of running uploads; the key is the file's random id, naming no one.</summary>
    internal const string ClaimScope = "export-upload";

    private static readonly TimeSpan TellWhenStoppingWithin = TimeSpan.FromSeconds(5);

    // Files being uploaded by this instance (the de-duplication), and the background tasks (what a stop waits for).
    private readonly ConcurrentDictionary<string, byte> _uploading = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, byte> _tasks = new();

    /// <summary>Starts the upload unless one of the same file is running here or on another instance; false when one is.</summary>
    public async Task<bool> TryStartAsync(TurnContext turn, ExportFile file, Uri uploadUri, FileUploadInfo upload, CancellationToken cancellationToken)
    {
        if (!_uploading.TryAdd(file.ExportId, 0))
        {
            LogAlreadyRunning(file.ExportId);
            return false;
        }

        Storage.ClaimOutcome outcome;
        try
        {
            outcome = await claims.TryClaimAsync(ClaimScope, file.ExportId, uploader.LeaseFor(file), cancellationToken);
        }
        catch
        {
            _uploading.TryRemove(file.ExportId, out _);
            throw;
        }

        if (outcome != Storage.ClaimOutcome.Claimed)
        {
            _uploading.TryRemove(file.ExportId, out _);
            LogAlreadyRunning(file.ExportId);
            return false;
        }

        var task = Task.Run(() => RunClaimedAsync(turn, file, uploadUri, upload, lifetime.ApplicationStopping), CancellationToken.None);
        _tasks.TryAdd(task, 0);
        _ = task.ContinueWith(done => _tasks.TryRemove(done, out _), TaskScheduler.Default);
        return true;
    }

    /// <summary>Waits for the uploads running now (tests, and the app's stop: see <see cref="StopAsync"/>).</summary>
    public Task WhenIdleAsync() => Task.WhenAll(_tasks.Keys);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// The app is stopping: the uploads were cancelled with <c>ApplicationStopping</c>; waiting for them
    /// lets each tell its coordinator and offer the kept file again before the process ends.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await WhenIdleAsync().WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown time ran out; the claims' leases free the files.
        }
    }

    /// <summary>
    /// Uploads, then settles the claim (completed after an upload, given back after a failure) and lets
    /// the file be accepted again on this instance — all before the coordinator is told, so a re-offered
    /// file they accept at once is never refused as "being saved".
    /// </summary>
    private async Task RunClaimedAsync(TurnContext turn, ExportFile file, Uri uploadUri, FileUploadInfo upload, CancellationToken cancellationToken)
    {
        try
        {
            var completion = await TryUploadAsync(file, uploadUri, cancellationToken);
            await SettleClaimAsync(file.ExportId, uploaded: completion is not null);
            _uploading.TryRemove(file.ExportId, out _);

            var texts = ExportBotTexts.For(file.Language);
            if (completion is null)
            {
                // Stopping: the stop token is cancelled already, so telling gets a few seconds of its own.
                using var shortly = new CancellationTokenSource(TellWhenStoppingWithin);
                await TellFailedAsync(turn, file, texts, cancellationToken.IsCancellationRequested ? shortly.Token : cancellationToken);
                return;
            }

            await TellUploadedAsync(turn, file, upload, completion.Value, texts, cancellationToken);
        }
        catch (Exception exception)
        {
            // Runs unawaited in the background: nothing may escape it.
            LogUploadBroke(exception, file.ExportId);
        }
        finally
        {
            _uploading.TryRemove(file.ExportId, out _);
        }
    }

    /// <summary>The upload's completion, or null when it failed (logged).</summary>
    private async Task<ExportUploadCompletion?> TryUploadAsync(ExportFile file, Uri uploadUri, CancellationToken cancellationToken)
    {
        try
        {
            return await uploader.UploadAsync(file, uploadUri, cancellationToken);
        }
        catch (ExportUploadException exception)
        {
            LogUploadFailed(exception, file.ExportId, exception.StatusCode);
        }
        catch (RequestFailedException exception)
        {
            // The blob could not be read (deleted meanwhile, or storage failing): the upload failed.
            LogBlobReadFailed(exception, file.ExportId, exception.Status);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The app is stopping: the blob stays, and the coordinator may accept it again.
            LogStopped(file.ExportId);
        }
        catch (Exception exception)
        {
            // Also the storage SDK's AggregateException once its own retries are spent.
            LogUploadBroke(exception, file.ExportId);
        }

        return null;
    }

    private async Task SettleClaimAsync(string exportId, bool uploaded)
    {
        try
        {
            await (uploaded
                ? claims.CompleteAsync(ClaimScope, exportId, CancellationToken.None)
                : claims.ReleaseAsync(ClaimScope, exportId, CancellationToken.None));
        }
        catch (Exception exception)
        {
            // The lease frees it in time.
            LogClaimNotSettled(exception, exportId);
        }
    }

    private async Task TellUploadedAsync(
        TurnContext turn, ExportFile file, FileUploadInfo upload, ExportUploadCompletion completion, ExportBotTexts texts, CancellationToken cancellationToken)
    {
        try
        {
            await files.DeleteAsync(file.ExportId, cancellationToken);
        }
        catch (Exception exception)
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
    }

    /// <summary>The coordinator hears that the file was not saved, and gets it offered again while it is there.</summary>
    private async Task TellFailedAsync(TurnContext turn, ExportFile file, ExportBotTexts texts, CancellationToken cancellationToken)
    {
        ExportFile? stillThere;
        try
        {
            stillThere = await files.FindAsync(file.ExportId, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Out of time while stopping: no message can go either.
            return;
        }
        catch (Exception exception)
        {
            LogBlobReadFailed(exception, file.ExportId, (exception as RequestFailedException)?.Status ?? 0);
            stillThere = null;
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
