using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Complaints.Storage.Sqlite.Internal;

/// <summary>
/// Checkpoints the WAL off the commit path: after a write (<see cref="Wrote"/>) it waits the interval, then runs a
/// <c>PASSIVE</c> checkpoint on a connection of its own, which copies what no reader still needs and never waits for a
/// lock. Commits in the meantime are covered by that checkpoint or wake the next one; with no writes it sleeps.
/// Started by the first write, stopped by <see cref="Dispose"/>.
/// </summary>
/// <remarks>
/// A writer starts the WAL over from its beginning only when a checkpoint has copied all of it; under steady writes
/// the frames committed while the checkpoint ran are always left, so the WAL would grow for as long as the writes went
/// on (every commit then appending to new blocks of an ever larger file, and a sync costing more). Even a checkpoint
/// that copied every frame it saw is outrun by a save that was under way meanwhile. So after each checkpoint of a WAL
/// with frames, a second one runs under the store's write turn: it copies only the frames written meanwhile (none,
/// often: then it neither writes nor syncs), and the next write starts the WAL over.
/// </remarks>
internal sealed class WalCheckpointer : IDisposable
{
    private readonly string _connectionString;
    private readonly TimeSpan _interval;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim? _writeGate;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly object _startLock = new();
    private Task? _loop;
    private int _dirty;
    private long _checkpoints;
    private bool _disposed;

    /// <summary>
    /// Creates the checkpointer for the file <paramref name="connectionString"/> names (pooling off: its connection is its
    /// own); <paramref name="writeGate"/> is the store's write turn, taken to finish a checkpoint that writes outran.
    /// </summary>
    /// <param name="connectionString">The file.</param>
    /// <param name="interval">The wait after a write before a checkpoint.</param>
    /// <param name="logger">Where a failed checkpoint is reported.</param>
    /// <param name="writeGate">
    /// The store's write turn, waited for to finish a checkpoint that writes outran; <see langword="null"/> when writers
    /// wait too briefly for the turn to be held by anyone but them (a short busy timeout).
    /// </param>
    public WalCheckpointer(string connectionString, TimeSpan interval, ILogger logger, SemaphoreSlim? writeGate = null)
    {
        _writeGate = writeGate;
        _connectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString();
        _interval = interval;
        _logger = logger;
    }

    /// <summary>The loop's task, once started (tests: it completes when the store is disposed).</summary>
    internal Task? Loop => Volatile.Read(ref _loop);

    /// <summary>Checkpoints run so far (a second one under the write turn counts too).</summary>
    internal long Checkpoints => Interlocked.Read(ref _checkpoints);

    /// <summary>The last checkpoint's result: the WAL's frames and how many of them are in the database file.</summary>
    internal (long Frames, long Checkpointed) Last { get; private set; }

    /// <summary>Raised after each checkpoint (tests wait on it instead of sleeping).</summary>
    internal event Action? Checkpointed;

    /// <summary>A write ended (committed or not): a checkpoint follows within the interval. Cheap: one interlocked exchange when one is already due.</summary>
    public void Wrote()
    {
        if (Interlocked.Exchange(ref _dirty, 1) == 1)
        {
            return;
        }

        if (Volatile.Read(ref _loop) is null)
        {
            Start();
        }

        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another write woke it first.
            }
            catch (ObjectDisposedException)
            {
                // The store is being disposed.
            }
        }
    }

    private void Start()
    {
        lock (_startLock)
        {
            if (_loop is null && !_disposed)
            {
                // Started from inside some caller's write: the loop must not carry that caller's activity, logging
                // scopes or other async-local state for the rest of the store's life.
                using (ExecutionContext.SuppressFlow())
                {
                    Volatile.Write(ref _loop, Task.Run(RunAsync));
                }
            }
        }
    }

    private async Task RunAsync()
    {
        var token = _stop.Token;
        SqliteConnection? connection = null;
        try
        {
            while (true)
            {
                await _wake.WaitAsync(token).ConfigureAwait(false);
                await Task.Delay(_interval, token).ConfigureAwait(false);

                // Writes from here on wake the next round; those before are in the WAL this checkpoint copies.
                Volatile.Write(ref _dirty, 0);
                try
                {
                    connection ??= Open();
                    Checkpoint(connection);
                    // In turn with the writers, so the next write starts the WAL over.
                    if (_writeGate is not null && Last.Frames > 0)
                    {
                        await _writeGate.WaitAsync(token).ConfigureAwait(false);
                        try
                        {
                            Checkpoint(connection);
                        }
                        finally
                        {
                            _writeGate.Release();
                        }
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
                {
                    // The next write tries again; a checkpoint that fails loses nothing (the WAL keeps the commits). Any
                    // failure, not only SQLite's: with SQLite's own checkpoints off, a loop that ended would leave the WAL
                    // growing for the rest of the store's life.
                    Report(e);
                    connection?.Dispose();
                    connection = null;
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Stopped with the store.
        }
        finally
        {
            connection?.Dispose();
        }
    }

    private void Report(Exception failure)
    {
        try
        {
            _logger.CheckpointFailed((failure as SqliteException)?.SqliteErrorCode ?? 0, failure.Message);
        }
        catch (Exception)
        {
            // A logging provider that throws must not end the loop either.
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();

            // FULL: the database file is synced before the WAL may be reset and written over.
            command.CommandText = "PRAGMA synchronous = FULL;";
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private void Checkpoint(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        using var reader = command.ExecuteReader();

        // One row: busy (1 if another connection was checkpointing), the WAL's frames, the frames now in the database file.
        if (reader.Read())
        {
            Last = (reader.GetInt64(1), reader.GetInt64(2));
        }

        Interlocked.Increment(ref _checkpoints);
        Checkpointed?.Invoke();
    }

    /// <summary>Stops the loop and waits for a checkpoint under way to end; closes its connection.</summary>
    public void Dispose()
    {
        lock (_startLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _stop.Cancel();
        }

        try
        {
            _loop?.GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            // Dispose does not throw; the loop reports its own failures as it goes, so this is only a last word.
            Report(e);
        }
        finally
        {
            _stop.Dispose();
            _wake.Dispose();
        }
    }
}
