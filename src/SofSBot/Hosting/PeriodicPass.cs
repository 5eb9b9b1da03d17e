namespace SofSBot.Hosting;

/// <summary>
/// Background work done in passes: one at start (unless <see cref="RunAtStart"/> is false), then one
/// every <see cref="Interval"/> on the app's <see cref="TimeProvider"/>. A pass that fails is logged and
/// the next one tries again — an exception escaping a <see cref="BackgroundService"/> would stop the
/// whole app, and storage or the Bot Connector being away for a while must not.
/// </summary>
internal abstract partial class PeriodicPass : BackgroundService
{
    /// <summary>The app's clock (tests move it).</summary>
    protected abstract TimeProvider Time { get; }

    protected abstract ILogger Logger { get; }

    /// <summary>False turns the loop off (tests run the passes themselves).</summary>
    protected virtual bool Enabled => true;

    protected virtual bool RunAtStart => true;

    protected abstract TimeSpan Interval { get; }

    protected abstract Task RunPassAsync(CancellationToken cancellationToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, Time);
        if (!RunAtStart)
        {
            await timer.WaitForNextTickAsync(stoppingToken);
        }

        do
        {
            try
            {
                await RunPassAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogPassFailed(Logger, GetType().Name, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A pass of {Service} failed; the next pass tries again")]
    private static partial void LogPassFailed(ILogger logger, string service, Exception exception);
}
