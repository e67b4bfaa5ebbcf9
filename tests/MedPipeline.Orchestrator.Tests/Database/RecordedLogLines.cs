using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MedPipeline.Orchestrator.Tests.Database;

/// <summary>Keeps the formatted lines of one log category, so a test can read what the audit trail said.</summary>
public sealed class RecordedLogLines(string category) : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Recorder(categoryName == category ? _lines : null);

    public void Dispose()
    {
    }

    /// <summary>Waits until a line contains <paramref name="text"/> and returns it.</summary>
    public async Task<string> WaitForAsync(string text)
    {
        for (var i = 0; i < 300; i++)
        {
            if (_lines.FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal)) is { } line)
            {
                return line;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"no {category} line contains '{text}'; lines: {string.Join(" | ", _lines)}");
        return "";
    }

    private sealed class Recorder(ConcurrentQueue<string>? lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => lines is not null;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines?.Enqueue(formatter(state, exception));
    }
}
