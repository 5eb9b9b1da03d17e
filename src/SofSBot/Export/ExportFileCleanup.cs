namespace SofSBot.Export;

/// <summary>
/// Every hour, deletes the export files nobody accepted or declined within the hour (each export
/// does so too when it starts). Every instance runs it; a file deleted twice is no harm.
/// </summary>
internal sealed class ExportFileCleanup(ExportJobs jobs, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(ExportJobs.KeptFor, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await jobs.DeleteExpiredAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
