using System.Collections.Concurrent;
using System.Globalization;
using SofSBot.BotFramework.Activities;
using SofSBot.BotFramework.Hosting;
using SofSBot.Localization;

namespace SofSBot.Export;

/// <summary>A finished export waiting for the coordinator to accept it.</summary>
internal sealed record PendingExport(string ExportId, string UserId, string FilePath, string FileName, DateTimeOffset CreatedAt, Language Language);

/// <summary>
/// Runs exports started in Teams in the background (an invoke must be answered within seconds): a
/// progress message in the chat, updated every few seconds, then the file offered with a
/// FileConsentCard. The file waits in a temporary file of this instance for an hour.
/// </summary>
internal sealed partial class ExportJobs(RatingsExporter exporter, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<ExportJobs> logger)
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(1);
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(3);

    private readonly ConcurrentDictionary<string, PendingExport> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, bool> _running = new();

    /// <summary>Starts the export; it goes on after the invoke is answered.</summary>
    public void Start(TurnContext turn, ExportRequest request, string userId)
    {
        RemoveExpired();
        var task = Task.Run(() => RunAsync(turn, request, userId, lifetime.ApplicationStopping));
        _running.TryAdd(task, true);
        _ = task.ContinueWith(done => _running.TryRemove(done, out _), TaskScheduler.Default);
    }

    /// <summary>Waits for the exports running now (tests, and a graceful stop).</summary>
    public Task WhenIdleAsync() => Task.WhenAll(_running.Keys);

    public PendingExport? Find(string exportId)
    {
        RemoveExpired();
        return _pending.GetValueOrDefault(exportId);
    }

    /// <summary>Forgets the export and deletes its file.</summary>
    public void Remove(string exportId)
    {
        if (_pending.TryRemove(exportId, out var export))
        {
            TryDelete(export.FilePath);
        }
    }

    private async Task RunAsync(TurnContext turn, ExportRequest request, string userId, CancellationToken cancellationToken)
    {
        var texts = ExportBotTexts.For(request.Language);
        var culture = Languages.CultureFor(null, request.Language);
        var exportId = Guid.NewGuid().ToString("N");
        var fileName = FileName(request);
        var path = Path.Combine(Path.GetTempPath(), $"sofsbot-export-{exportId}{Path.GetExtension(fileName)}");
        try
        {
            var message = await turn.SendAsync(new Activity { Text = string.Format(culture, texts.Progress, 0, 0), TextFormat = "plain" }, cancellationToken);
            ExportProgress latest = new(0, 0);
            ExportResult result;
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024))
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
            }

            var ready = string.Format(culture, texts.Ready, result.Answers);
            if (message.Id is { } messageId)
            {
                await UpdateAsync(turn, messageId, ready, cancellationToken);
            }

            _pending[exportId] = new PendingExport(exportId, userId, path, fileName, time.GetUtcNow(), request.Language);
            var periods = string.Join(", ", result.Periods.Select(period => period.Name));
            await turn.SendAsync(new Activity
            {
                Attachments = [TeamsFileAttachments.FileConsentCard(
                    fileName, string.Format(culture, texts.FileDescription, periods), new FileInfo(path).Length, new Dictionary<string, string> { ["exportId"] = exportId })],
            }, cancellationToken);
            LogOffered(exportId, result.Answers);
        }
        catch (UnknownPeriodException exception)
        {
            TryDelete(path);
            await TrySendAsync(turn, exception.Message, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(exception);
            _pending.TryRemove(exportId, out _);
            TryDelete(path);
            await TrySendAsync(turn, texts.Failed, cancellationToken);
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

    private void RemoveExpired()
    {
        var now = time.GetUtcNow();
        foreach (var export in _pending.Values.Where(export => now - export.CreatedAt > KeptFor))
        {
            Remove(export.ExportId);
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

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Left for the system's temporary-file cleanup.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Export {ExportId} offered with {Answers} answers")]
    private partial void LogOffered(string exportId, long answers);

    [LoggerMessage(Level = LogLevel.Error, Message = "An export started in Teams failed")]
    private partial void LogFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the coordinator how the export went")]
    private partial void LogNotTold(Exception exception);

    /// <summary>Keeps the latest figure only: the loop above shows it every few seconds.</summary>
    private sealed class Progress(Action<ExportProgress> report) : IProgress<ExportProgress>
    {
        public void Report(ExportProgress value) => report(value);
    }
}
