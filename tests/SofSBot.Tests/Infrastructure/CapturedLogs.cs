using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SofSBot.Tests.Infrastructure;

/// <summary>Keeps the app's log lines (category, level, formatted message, exception type) for assertions.</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    public ConcurrentQueue<(string Category, LogLevel Level, string Message)> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Lines.Enqueue((category, logLevel, formatter(state, exception) + (exception is null ? string.Empty : $" [{exception.GetType().Name}]")));
    }
}
