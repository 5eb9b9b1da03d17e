using System.Globalization;
using Microsoft.Extensions.Logging;

namespace SofSBot.EndToEndTests.Infrastructure;

/// <summary>
/// Keeps the bot's last log lines (with exceptions) in memory, so a failing end-to-end test can show
/// what the bot saw; a class fixture has no test output to write to.
/// </summary>
internal sealed class RecentLogs : ILoggerProvider
{
    private const int LinesKept = 300;

    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <summary>The kept lines, oldest first.</summary>
    public string Describe()
    {
        lock (_gate)
        {
            return _lines.Count == 0 ? "  (no log lines)" : string.Join(Environment.NewLine, _lines);
        }
    }

    public void Dispose()
    {
        // Nothing to release.
    }

    private void Add(string line)
    {
        lock (_gate)
        {
            _lines.Enqueue(line);
            while (_lines.Count > LinesKept)
            {
                _lines.Dequeue();
            }
        }
    }

    private sealed class Logger(RecentLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            var time = DateTime.Now.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
            var line = $"  {time} {logLevel} {category}: {formatter(state, exception)}";
            logs.Add(exception is null ? line : line + Environment.NewLine + exception);
        }
    }
}
