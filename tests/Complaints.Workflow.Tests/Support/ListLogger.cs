using Microsoft.Extensions.Logging;

namespace Complaints.Workflow.Tests.Support;

/// <summary>Keeps what is logged, so a test can see that a parked item was reported.</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    private readonly List<(LogLevel Level, string Message)> _entries = [];
    private readonly List<(EventId Id, LogLevel Level)> _events = [];
    private readonly List<IReadOnlyDictionary<string, object?>> _states = [];

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

    /// <summary>The structured values of each entry (a [LoggerMessage]'s parameters, and its {OriginalFormat}), in order.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, object?>> States
    {
        get
        {
            lock (_entries)
            {
                return [.. _states];
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
            _states.Add(state is IEnumerable<KeyValuePair<string, object?>> values
                ? values.ToDictionary(static v => v.Key, static v => v.Value, StringComparer.Ordinal)
                : new Dictionary<string, object?>(StringComparer.Ordinal));
        }
    }
}
