using Microsoft.Extensions.Logging;

namespace Complaints.Storage.Sqlite.Internal;

/// <summary>What the SQLite store logs of its own (the rows it steps past are <c>StoreLog</c>'s).</summary>
internal static partial class SqliteLog
{
    /// <summary>A background WAL checkpoint failed; the next write starts another, and nothing committed is lost.</summary>
    [LoggerMessage(EventId = 9111, Level = LogLevel.Warning,
        Message = "A background WAL checkpoint failed (SQLite error {SqliteErrorCode}: {Error}); the next write tries again and the WAL keeps every commit meanwhile.")]
    public static partial void CheckpointFailed(this ILogger logger, int sqliteErrorCode, string error);
}
