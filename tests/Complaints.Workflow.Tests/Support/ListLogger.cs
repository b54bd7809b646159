using Microsoft.Extensions.Logging;

namespace Complaints.Workflow.Tests.Support;

/// <summary>Keeps what is logged, so a test can see that a parked item was reported.</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    private readonly List<(LogLevel Level, string Message)> _entries = [];
    private readonly List<(EventId Id, LogLevel Level)> _events = [];

    /// <summary>The event id and level of each entry, in order.</summary>
    public IReadOnlyList<(EventId Id, LogLevel Level)> Events
    {
        get
        {
            lock (_entries)
            {
                return [.. _events];
            }
        }
    }

    public IReadOnlyList<(LogLevel Level, string Message)> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_entries)
        {
            _entries.Add((logLevel, formatter(state, exception)));
            _events.Add((eventId, logLevel));
        }
    }
}
