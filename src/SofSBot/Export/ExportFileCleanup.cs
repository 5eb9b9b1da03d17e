namespace SofSBot.Export;

/// <summary>
/// Every hour, deletes the export files nobody accepted or declined within the hour (each export
/// does so too when it starts). Every instance runs it; a file deleted twice is no harm.
/// </summary>
internal sealed class ExportFileCleanup(ExportJobs jobs, TimeProvider time, ILogger<ExportFileCleanup> logger)
    : Hosting.PeriodicPass
{
    protected override TimeProvider Time => time;

    protected override ILogger Logger => logger;

    // The export's own sweep covers the start.
    protected override bool RunAtStart => false;

    protected override TimeSpan Interval => ExportJobs.KeptFor;

    protected override Task RunPassAsync(CancellationToken cancellationToken) => jobs.DeleteExpiredAsync(cancellationToken);
}
