using System.Collections.Concurrent;
using SofSBot.BotFramework.Activities;
using SofSBot.BotFramework.Hosting;
using SofSBot.Localization;

namespace SofSBot.Export;

/// <summary>
/// Runs exports started in Teams in the background (an invoke must be answered within seconds): a
/// progress message in the chat, updated every few seconds, then the file offered with a
/// FileConsentCard. The file is written to a temporary file, then kept in Blob Storage for an hour
/// (<see cref="IExportFileStore"/>), so the coordinator's consent may reach any instance.
/// </summary>
internal sealed partial class ExportJobs(
    RatingsExporter exporter,
    IExportFileStore files,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    Telemetry.BotTelemetry telemetry,
    ILogger<ExportJobs> logger)
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(1);
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(3);

    private readonly ConcurrentDictionary<Task, bool> _running = new();

    /// <summary>The card that offers the file; its context carries the export id and nothing else.</summary>
    public static Attachment OfferCard(ExportFile file) =>
        TeamsFileAttachments.FileConsentCard(file.FileName, file.Description, file.SizeInBytes, new Dictionary<string, string> { ["exportId"] = file.ExportId });

    /// <summary>Whether the file is past the hour it is kept for.</summary>
    public static bool IsExpired(ExportFile file, DateTimeOffset now) => now - file.CreatedAt >= KeptFor;

    /// <summary>Starts the export; it goes on after the invoke is answered.</summary>
    public void Start(TurnContext turn, ExportRequest request, string userId)
    {
        var task = Task.Run(() => RunAsync(turn, request, userId, lifetime.ApplicationStopping));
        _running.TryAdd(task, true);
        _ = task.ContinueWith(done => _running.TryRemove(done, out _), TaskScheduler.Default);
    }

    /// <summary>Waits for the exports running now (tests, and a graceful stop).</summary>
    public Task WhenIdleAsync() => Task.WhenAll(_running.Keys);

    /// <summary>Deletes the files older than <see cref="KeptFor"/> that nobody took (a failure is only logged).</summary>
    public async Task DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        try
        {
            var deleted = await files.DeleteCreatedBeforeAsync(time.GetUtcNow() - KeptFor, cancellationToken);
            if (deleted > 0)
            {
                LogExpiredDeleted(deleted);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogCleanupFailed(exception);
        }
    }

    private async Task RunAsync(TurnContext turn, ExportRequest request, string userId, CancellationToken cancellationToken)
    {
        await DeleteExpiredAsync(cancellationToken);
        var texts = ExportBotTexts.For(request.Language);
        var culture = Languages.CultureFor(null, request.Language);
        var fileName = FileName(request);
        var path = Path.Combine(Path.GetTempPath(), $"sofsbot-export-{Guid.NewGuid():N}{Path.GetExtension(fileName)}");
        var started = time.GetTimestamp();
        var outcome = Telemetry.TelemetryOutcomes.Failed;
        try
        {
            var message = await turn.SendAsync(new Activity { Text = string.Format(culture, texts.Progress, 0, 0), TextFormat = "plain" }, cancellationToken);
            ExportProgress latest = new(0, 0);
            ExportResult result;
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose))
            {
                var export = exporter.ExportAsync(request, file, new Progress(value => latest = value), cancellationToken);
                var shown = latest;
                while (!export.IsCompleted)
                {
                    await Task.WhenAny(export, Task.Delay(ProgressInterval, time, cancellationToken));
                    if (!export.IsCompleted && latest != shown && message.Id is { } id)
                    {
                        shown = latest;
                        await UpdateAsync(turn, id, string.Format(culture, texts.Progress, Math.Round(shown.Fraction * 100), shown.AnswersRead), cancellationToken);
                    }
                }

                result = await export;

                // The temporary file goes when closed; the blob is what every instance can reach.
                var periods = string.Join(", ", result.Periods.Select(period => period.Name));
                await file.FlushAsync(cancellationToken);
                file.Position = 0;
                var stored = await files.SaveAsync(file, userId, fileName, string.Format(culture, texts.FileDescription, periods), request.Language, cancellationToken);

                if (message.Id is { } messageId)
                {
                    await UpdateAsync(turn, messageId, string.Format(culture, texts.Ready, result.Answers), cancellationToken);
                }

                await turn.SendAsync(new Activity { Attachments = [OfferCard(stored)] }, cancellationToken);
                outcome = Telemetry.TelemetryOutcomes.Ok;
                LogOffered(stored.ExportId, result.Answers);
            }
        }
        catch (UnknownPeriodException exception)
        {
            outcome = Telemetry.TelemetryOutcomes.Invalid;
            await TrySendAsync(turn, exception.Message, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(exception);
            await TrySendAsync(turn, texts.Failed, cancellationToken);
        }
        finally
        {
            telemetry.ExportFinished(time.GetElapsedTime(started), request.Format.ToString().ToLowerInvariant(), outcome);
        }
    }

    private static Task<BotFramework.Connector.ResourceResponse> UpdateAsync(TurnContext turn, string activityId, string text, CancellationToken cancellationToken) =>
        turn.Connector.UpdateActivityAsync(turn.ServiceUrl, turn.ConversationId, activityId, new Activity
        {
            Type = ActivityTypes.Message,
            Id = activityId,
            Conversation = turn.Activity.Conversation,
            From = turn.Activity.Recipient,
            Text = text,
            TextFormat = "plain",
        }, cancellationToken);

    private async Task TrySendAsync(TurnContext turn, string text, CancellationToken cancellationToken)
    {
        try
        {
            await turn.SendAsync(new Activity { Text = text, TextFormat = "plain" }, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogNotTold(exception);
        }
    }

    private static string FileName(ExportRequest request)
    {
        var periods = string.Join("_", request.Periods.Select(PeriodSelector.Slug));
        return request.Format switch
        {
            ExportFormat.Csv => $"sofs-svar-{periods}.csv",
            ExportFormat.SummaryCsv => $"sofs-per-team-och-mal-{periods}.csv",
            ExportFormat.Report => $"sofs-uppfoljning-{periods}.html",
            _ => $"sofs-skattningar-{periods}.xlsx",
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Export {ExportId} offered with {Answers} answers")]
    private partial void LogOffered(string exportId, long answers);

    [LoggerMessage(Level = LogLevel.Error, Message = "An export started in Teams failed")]
    private partial void LogFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the coordinator how the export went")]
    private partial void LogNotTold(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} export files nobody took within the hour")]
    private partial void LogExpiredDeleted(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete the expired export files; the next pass tries again")]
    private partial void LogCleanupFailed(Exception exception);

    /// <summary>Keeps the latest figure only: the loop above shows it every few seconds.</summary>
    private sealed class Progress(Action<ExportProgress> report) : IProgress<ExportProgress>
    {
        public void Report(ExportProgress value) => report(value);
    }
}
