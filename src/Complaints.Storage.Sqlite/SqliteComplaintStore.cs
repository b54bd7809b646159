using Complaints.Notifications;
using Complaints.Ports;
using Complaints.Storage.Sqlite.Internal;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Complaints.Storage.Sqlite;

/// <summary>
/// Keeps cases, their append-only journals and their deadlines in one SQLite file: the embedded default store.
/// Each save is one transaction that checks the stored version, writes the case (its queried fields as columns, the
/// whole record as JSON), appends the journal entries, replaces the case's deadline rows and adds the notifications the
/// entries cause to the outbox. Queries run on indexed columns; deadline alarms and outbox messages are claimed under
/// leases, so several processes can share one file.
/// </summary>
/// <remarks>
/// The schema is created, or migrated from an older version, at first use (or by <see cref="MigrateAsync"/>); with
/// <see cref="SqliteStoreOptions.MigrateSchema"/> off, first use only checks that the file has the current schema. Every
/// connection runs with <c>journal_mode=WAL</c> (readers do not block the writer), <c>synchronous=FULL</c> (a save
/// that returned survives a power cut) and a busy timeout (writers from several threads or processes wait their turn).
/// Thread-safe: every call uses a connection of its own — loads and saves one of the store's kept connections, on which
/// their statements stay prepared (at most eight are kept idle; <see cref="Dispose"/> closes them), other calls one
/// from Microsoft.Data.Sqlite's pool. Register it with
/// <c>services.AddComplaints(...).UseSqlite("Data Source=complaints.db")</c>.
/// </remarks>
public sealed partial class SqliteComplaintStore : IComplaintStore, IBulkComplaintStore, IDeadlineStore, IOutboxStore, IAuditLog, IDisposable
{
    private readonly string _connectionString;
    private readonly string _sessionConnectionString;
    private readonly string _dataSource;
    private readonly int _busyTimeoutMilliseconds;
    private readonly string _connectionPragmas;
    private readonly SemaphoreSlim _migration = new(1, 1);
    private readonly SessionPool _sessions = new();
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly List<PendingSave> _pendingSaves = [];
    private readonly WalCheckpointer? _checkpointer;
    private readonly ILogger _logger;
    private readonly bool _migrate;
    private volatile bool _migrated;

    /// <summary>Creates the store over the database <paramref name="connectionString"/> names; nothing is opened until first use.</summary>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string, e.g. <c>Data Source=complaints.db</c>. The file is created if missing.</param>
    /// <param name="options">The store's settings (the busy timeout, the checkpoint interval); the defaults if <see langword="null"/>.</param>
    /// <param name="logger">Where the store logs the rows it cannot read and steps past; nothing if <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The connection string is empty or invalid, or names no file.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The busy timeout is not between zero and one hour, or the checkpoint interval not between zero and one minute.</exception>
    public SqliteComplaintStore(string connectionString, SqliteStoreOptions? options = null, ILogger<SqliteComplaintStore>? logger = null)
    {
        _logger = logger ?? (ILogger)NullLogger.Instance;
        options ??= new SqliteStoreOptions();
        (_connectionString, _dataSource, _busyTimeoutMilliseconds) = Parse(connectionString, options);
        _migrate = options.MigrateSchema;
        if (options.CheckpointInterval > TimeSpan.Zero)
        {
            // The write turn only when writers wait a second or more for it: with a shorter busy timeout a save must
            // never fail because the checkpointer held the turn, so no checkpoint is finished under it.
            _checkpointer = new WalCheckpointer(_connectionString, options.CheckpointInterval, _logger, _busyTimeoutMilliseconds >= 1000 ? _writeGate : null);
        }

        // The store keeps its sessions' connections itself; closing one must close it (rolling back anything left
        // open), not hand it to Microsoft.Data.Sqlite's pool.
        _sessionConnectionString = new SqliteConnectionStringBuilder(_connectionString) { Pooling = false }.ToString();
        _connectionPragmas = Sql.ConnectionPragmas(_busyTimeoutMilliseconds, autoCheckpoint: _checkpointer is null);
    }

    /// <summary>The schema version this store writes (the file's <c>PRAGMA user_version</c> once migrated).</summary>
    public static int SchemaVersion => Schema.Latest;

    /// <summary>
    /// Creates the schema in a new file, or upgrades an older file in place, in one transaction. Runs by itself at
    /// first use; call it at start-up to fail early.
    /// </summary>
    /// <param name="cancellationToken">Cancels the migration (nothing is changed).</param>
    /// <returns>A task that completes when the schema is current.</returns>
    /// <exception cref="SqliteSchemaException">The file was written by a newer version of the store.</exception>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        if (_migrated)
        {
            return;
        }

        await _migration.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_migrated)
            {
                return;
            }

            using var connection = await ConnectAsync(_connectionString, cancellationToken).ConfigureAwait(false);

            // WAL is a property of the file: set once, it stays. It cannot change inside a transaction.
            await connection.ExecuteAsync(Sql.JournalModeWal, cancellationToken).ConfigureAwait(false);
            await Schema.MigrateAsync(connection, _dataSource, cancellationToken).ConfigureAwait(false);
            _migrated = true;
        }
        finally
        {
            _migration.Release();
        }
    }

    /// <summary>At first use: migrates the file, or (with <see cref="SqliteStoreOptions.MigrateSchema"/> off) checks that its schema is current, changing nothing.</summary>
    private async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (_migrate)
        {
            await MigrateAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        if (_migrated)
        {
            return;
        }

        await _migration.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_migrated)
            {
                return;
            }

            using var connection = await ConnectAsync(_connectionString, cancellationToken).ConfigureAwait(false);
            await Schema.CheckAsync(connection, _dataSource, cancellationToken).ConfigureAwait(false);
            _migrated = true;
        }
        finally
        {
            _migration.Release();
        }
    }

    /// <summary>Closes the pooled connections to the file, so it can be moved or deleted.</summary>
    public void Dispose()
    {
        _checkpointer?.Dispose();
        _sessions.Dispose();
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        _migration.Dispose();
    }

    /// <summary>The background checkpointer, if <see cref="SqliteStoreOptions.CheckpointInterval"/> is on (tests).</summary>
    internal WalCheckpointer? Checkpointer => _checkpointer;

    /// <summary>
    /// Waits for this store's turn to write (FIFO, without holding a thread) before <c>BEGIN IMMEDIATE</c> or a lone
    /// write statement: writers of one process queue here instead of polling SQLite's lock, whose busy handler sleeps
    /// ever longer (up to 100 ms a try) and lets a newcomer in before a writer that has waited for seconds. Writers of
    /// other processes on the file still meet at SQLite's lock, with the busy timeout. Dispose the turn after the commit
    /// or rollback; that also wakes the background checkpointer.
    /// </summary>
    /// <exception cref="SqliteException">No turn within the busy timeout (<c>SQLITE_BUSY</c>, as SQLite's own lock would fail).</exception>
    private async ValueTask<WriteTurn> EnterWriteAsync(CancellationToken cancellationToken)
    {
        if (!await _writeGate.WaitAsync(_busyTimeoutMilliseconds, cancellationToken).ConfigureAwait(false))
        {
            throw new SqliteException(
                $"The database is locked: other writes of this process held it for the whole busy timeout ({_busyTimeoutMilliseconds} ms, SqliteStoreOptions.BusyTimeout).",
                SqliteBusy);
        }

        return new WriteTurn(this);
    }

    /// <summary>SQLite's <c>SQLITE_BUSY</c>.</summary>
    private const int SqliteBusy = 5;

    /// <summary>A write's turn (<see cref="EnterWriteAsync"/>): disposing it lets the next writer in.</summary>
    private readonly struct WriteTurn(SqliteComplaintStore store) : IDisposable
    {
        public void Dispose()
        {
            store._writeGate.Release();
            store._checkpointer?.Wrote();
        }
    }

    /// <summary>Checks the settings and returns the normalised connection string, the file and the busy timeout.</summary>
    internal static (string ConnectionString, string DataSource, int BusyTimeoutMilliseconds) Parse(string connectionString, SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new ArgumentException("The SQLite connection string is empty; give one that names the database file, e.g. \"Data Source=complaints.db\".", nameof(connectionString));
        }

        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new ArgumentException($"'{connectionString}' is not a valid SQLite connection string: {e.Message}", nameof(connectionString), e);
        }

        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            throw new ArgumentException("The SQLite connection string names no database file; give one, e.g. \"Data Source=complaints.db\".", nameof(connectionString));
        }

        var timeout = options.BusyTimeout;
        if (timeout < TimeSpan.Zero || timeout > TimeSpan.FromHours(1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), timeout, "SqliteStoreOptions.BusyTimeout must be between 0 and 1 hour.");
        }

        if (CheckpointIntervalProblem(options.CheckpointInterval) is { } problem)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.CheckpointInterval, "SqliteStoreOptions.CheckpointInterval " + problem);
        }

        return (builder.ToString(), builder.DataSource, (int)timeout.TotalMilliseconds);
    }

    /// <summary>What is wrong with <paramref name="interval"/> as <see cref="SqliteStoreOptions.CheckpointInterval"/>, worded to follow the option's name; <see langword="null"/> if nothing.</summary>
    internal static string? CheckpointIntervalProblem(TimeSpan interval) =>
        interval < TimeSpan.Zero || interval > SqliteStoreOptions.MaxCheckpointInterval
            ? $"is {interval}; set it from zero (SQLite's own checkpoint inside the committing save) to one minute."
            : null;

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        return await ConnectAsync(_connectionString, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An idle session of the store, or a new one on a new connection.</summary>
    private async ValueTask<Session> TakeSessionAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_sessions.Take() is { } session)
        {
            return session;
        }

        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        return new Session(await ConnectAsync(_sessionConnectionString, cancellationToken).ConfigureAwait(false));
    }

    // The SQLite connections (handles) this process has configured; a handle is forgotten when it is collected.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SQLitePCL.sqlite3, string> ConfiguredHandles = new();

    private async Task<SqliteConnection> ConnectAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

            // Per-connection settings, once per underlying SQLite connection: a pooled connection keeps them, and
            // setting them on every open cost three statements per open.
            // Keyed by handle with the settings applied, so two stores with different settings sharing a pool stay right.
            var handle = connection.Handle;
            if (handle is null || !ConfiguredHandles.TryGetValue(handle, out var applied) || !ReferenceEquals(applied, _connectionPragmas))
            {
                await connection.ExecuteAsync(_connectionPragmas, cancellationToken).ConfigureAwait(false);
                if (handle is not null)
                {
                    ConfiguredHandles.AddOrUpdate(handle, _connectionPragmas);
                }
            }

            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
