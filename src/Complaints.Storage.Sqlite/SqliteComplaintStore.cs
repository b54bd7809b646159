using System.Globalization;
using System.Text;
using System.Text.Json;
using Complaints.Journal;
using Complaints.Notifications;
using Complaints.Ports;
using Complaints.Storage.Sqlite.Internal;
using Complaints.Workflow.Storage;
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
/// The schema is created, or migrated from an older version, at first use (or by <see cref="MigrateAsync"/>). Every
/// connection runs with <c>journal_mode=WAL</c> (readers do not block the writer), <c>synchronous=FULL</c> (a save
/// that returned survives a power cut) and a busy timeout (writers from several threads or processes wait their turn).
/// Thread-safe: every call uses a connection of its own — loads and saves one of the store's kept connections, on which
/// their statements stay prepared (at most eight are kept idle; <see cref="Dispose"/> closes them), other calls one
/// from Microsoft.Data.Sqlite's pool. Register it with
/// <c>services.AddComplaints(...).UseSqlite("Data Source=complaints.db")</c>.
/// </remarks>
public sealed partial class SqliteComplaintStore : IComplaintStore, IDeadlineStore, IOutboxStore, IAuditLog, IDisposable
{
    private readonly string _connectionString;
    private readonly string _sessionConnectionString;
    private readonly string _dataSource;
    private readonly int _busyTimeoutMilliseconds;
    private readonly string _connectionPragmas;
    private readonly SemaphoreSlim _migration = new(1, 1);
    private readonly SessionPool _sessions = new();
    private readonly ILogger _logger;
    private volatile bool _migrated;

    /// <summary>Creates the store over the database <paramref name="connectionString"/> names; nothing is opened until first use.</summary>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string, e.g. <c>Data Source=complaints.db</c>. The file is created if missing.</param>
    /// <param name="busyTimeout">How long a write waits for another writer before failing; 30 seconds if <see langword="null"/>.</param>
    /// <param name="logger">Where the store logs the rows it cannot read and steps past; nothing if <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The connection string is empty or invalid, or names no file.</exception>
    public SqliteComplaintStore(string connectionString, TimeSpan? busyTimeout = null, ILogger<SqliteComplaintStore>? logger = null)
    {
        _logger = logger ?? (ILogger)NullLogger.Instance;
        (_connectionString, _dataSource, _busyTimeoutMilliseconds) = Parse(connectionString, busyTimeout);

        // The store keeps its sessions' connections itself; closing one must close it (rolling back anything left
        // open), not hand it to Microsoft.Data.Sqlite's pool.
        _sessionConnectionString = new SqliteConnectionStringBuilder(_connectionString) { Pooling = false }.ToString();
        _connectionPragmas = string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {_busyTimeoutMilliseconds}; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;");
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
            await connection.ExecuteAsync("PRAGMA journal_mode = WAL;", cancellationToken).ConfigureAwait(false);
            await Schema.MigrateAsync(connection, _dataSource, cancellationToken).ConfigureAwait(false);
            _migrated = true;
        }
        finally
        {
            _migration.Release();
        }
    }

    /// <inheritdoc />
    public async Task<Complaint?> LoadAsync(ComplaintId id, CancellationToken cancellationToken = default)
    {
        var session = await TakeSessionAsync(cancellationToken).ConfigureAwait(false);
        string? json;
        try
        {
            json = CaseWriter.ReadCase(session, Sql.Id(id));
        }
        finally
        {
            _sessions.Return(session);
        }

        return json is null ? null : StoredRecords.ReadCase(id, json);
    }

    /// <inheritdoc />
    public async Task SaveAsync(CaseChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        cancellationToken.ThrowIfCancellationRequested();
        var complaint = change.Complaint;
        var expectedVersion = change.ExpectedVersion;
        var id = Sql.Id(complaint.Id);
        var json = JsonSerializer.Serialize(complaint, ComplaintsJson.Options);

        var session = await TakeSessionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // The write lock first, then the case row, written only from the expected version: if the version moved,
            // nothing is written and everything is rolled back.
            session.BeginImmediate();
            try
            {
                if (!CaseWriter.TryWriteCase(session, complaint, id, json, expectedVersion))
                {
                    throw new ConcurrencyException(complaint.Id, expectedVersion, CaseWriter.ReadVersion(session, id));
                }

                CaseWriter.AppendJournal(session, id, change.Entries);
                CaseWriter.WriteDeadlines(session, complaint, id);
                CaseWriter.AddOutbox(session, id, change.Notifications);

                cancellationToken.ThrowIfCancellationRequested();
                session.Commit();
            }
            catch
            {
                session.Rollback();
                throw;
            }
        }
        finally
        {
            _sessions.Return(session);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(ComplaintId id, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT json FROM journal WHERE complaint_id = $id ORDER BY sequence;";
        command.Add("$id", Sql.Id(id));
        var entries = new List<JournalEntry>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(JsonSerializer.Deserialize<JournalEntry>(reader.GetString(0), ComplaintsJson.Options)!);
        }

        return entries;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Complaint>> QueryAsync(ComplaintQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        var where = QuerySql.Where(query, command);
        command.CommandText = $"SELECT id, json FROM complaints WHERE {where} ORDER BY received_at, id LIMIT $take OFFSET $skip;";
        command.Add("$take", Math.Max(0, query.Take));
        command.Add("$skip", Math.Max(0, query.Skip));
        var page = new List<Complaint>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (_logger.ReadCaseOrSkip(new ComplaintId(Guid.Parse(reader.GetString(0))), reader.GetString(1)) is { } complaint)
            {
                page.Add(complaint);
            }
        }

        return page;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ComplaintCount>> CountAsync(ComplaintCountQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (column, key) = query.By switch
        {
            ComplaintCountGrouping.State => ("state", (Func<string, string>)(s => Spelling<ComplaintState>.Parse(s).ToString())),
            ComplaintCountGrouping.Severity => ("severity", s => Spelling<Severity>.Parse(s).ToString()),
            ComplaintCountGrouping.Category => ("category", s => s),
            ComplaintCountGrouping.Department => ("department", s => s),
            _ => throw new ArgumentException($"Unknown grouping {query.By}.", nameof(query)),
        };

        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        var where = new StringBuilder("1");
        if (query.ReceivedFrom is { } from)
        {
            where.Append(" AND received_at >= $from");
            command.Add("$from", Sql.Time(from));
        }

        if (query.ReceivedTo is { } to)
        {
            where.Append(" AND received_at < $to");
            command.Add("$to", Sql.Time(to));
        }

        command.CommandText = $"SELECT {column}, COUNT(*) FROM complaints WHERE {where} GROUP BY {column};";
        var counts = new List<ComplaintCount>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts.Add(new ComplaintCount(reader.IsDBNull(0) ? null : key(reader.GetString(0)), reader.GetInt32(1)));
        }

        return counts.OrderBy(c => c.Key, StringComparer.Ordinal).ToArray();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DueDeadline>> ClaimDueDeadlinesAsync(DateTimeOffset now, string worker, TimeSpan lease, int max, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(worker);
        if (max <= 0)
        {
            return [];
        }

        var nowText = Sql.Time(now);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);

        // BEGIN IMMEDIATE: one claimer at a time per file, across threads and processes.
        using var transaction = connection.BeginTransaction(deferred: false);
        using (var expire = connection.CreateCommand())
        {
            expire.Transaction = transaction;
            expire.CommandText = "DELETE FROM deadline_leases WHERE until <= $now;";
            expire.Add("$now", nowText);
            await expire.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var claimed = new List<DueDeadline>();
        using (var find = connection.CreateCommand())
        {
            find.Transaction = transaction;
            find.CommandText = """
                SELECT complaint_id, kind, alarm, alarm_at FROM (
                    SELECT d.complaint_id, d.kind,
                           CASE WHEN d.due_at <= $now THEN 'breach' ELSE 'warning' END AS alarm,
                           CASE WHEN d.due_at <= $now THEN d.due_at ELSE d.warn_at END AS alarm_at
                    FROM deadlines d JOIN complaints c ON c.id = d.complaint_id
                    WHERE d.met_at IS NULL AND d.breached_at IS NULL
                      AND (d.due_at <= $now OR (d.warn_at <= $now AND d.warned_at IS NULL))
                      AND c.is_final = 0 AND c.clock_paused_at IS NULL
                ) AS due
                WHERE NOT EXISTS (
                    SELECT 1 FROM deadline_leases l
                    WHERE l.complaint_id = due.complaint_id AND l.kind = due.kind AND l.alarm = due.alarm AND l.worker <> $worker)
                  AND NOT EXISTS (
                    SELECT 1 FROM parked_alarms p WHERE p.complaint_id = due.complaint_id AND p.kind = due.kind AND p.alarm = due.alarm)
                ORDER BY alarm_at, complaint_id, kind
                LIMIT $max;
                """;
            find.Add("$now", nowText);
            find.Add("$worker", worker);
            find.Add("$max", max);
            using var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                claimed.Add(new DueDeadline(
                    new ComplaintId(Guid.Parse(reader.GetString(0))),
                    Spelling<DeadlineKind>.Parse(reader.GetString(1)),
                    Spelling<DeadlineAlarm>.Parse(reader.GetString(2)),
                    Sql.ReadTime(reader.GetString(3))));
            }
        }

        using (var hold = connection.CreateCommand())
        {
            hold.Transaction = transaction;
            hold.CommandText = """
                INSERT INTO deadline_leases (complaint_id, kind, alarm, worker, until) VALUES ($id, $kind, $alarm, $worker, $until)
                ON CONFLICT (complaint_id, kind, alarm) DO UPDATE SET worker = excluded.worker, until = excluded.until;
                """;
            var id = hold.Add("$id", null);
            var kind = hold.Add("$kind", null);
            var alarm = hold.Add("$alarm", null);
            hold.Add("$worker", worker);
            hold.Add("$until", Sql.Time(now + lease));
            foreach (var due in claimed)
            {
                id.Value = Sql.Id(due.ComplaintId);
                kind.Value = Spelling<DeadlineKind>.Of(due.Kind);
                alarm.Value = Spelling<DeadlineAlarm>.Of(due.Alarm);
                await hold.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        return claimed;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OutboxMessage>> ClaimOutboxAsync(DateTimeOffset now, string worker, TimeSpan lease, int max, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(worker);
        if (max <= 0)
        {
            return [];
        }

        var nowText = Sql.Time(now);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);

        // BEGIN IMMEDIATE: one claimer at a time per file, across threads and processes.
        using var transaction = connection.BeginTransaction(deferred: false);
        var claimed = new List<OutboxMessage>();
        var unreadable = new List<(Guid Id, ComplaintId ComplaintId, string Error)>();
        using (var find = connection.CreateCommand())
        {
            find.Transaction = transaction;
            find.CommandText = $"""
                SELECT {OutboxColumns} FROM outbox
                WHERE state = 'pending' AND next_attempt_at <= $now
                  AND (lease_until IS NULL OR lease_until <= $now OR lease_worker = $worker)
                ORDER BY next_attempt_at, complaint_id, sequence, position
                LIMIT $max;
                """;
            find.Add("$now", nowText);
            find.Add("$worker", worker);
            find.Add("$max", max);
            using var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (ReadOutbox(reader) is { } message)
                {
                    claimed.Add(message);
                }
                else
                {
                    unreadable.Add(UnreadableOutboxRow(reader));
                }
            }
        }

        // A message this release cannot read is parked with why, in this transaction, so the others are sent.
        await ParkUnreadableOutboxAsync(connection, transaction, unreadable, cancellationToken).ConfigureAwait(false);
        using (var hold = connection.CreateCommand())
        {
            hold.Transaction = transaction;
            hold.CommandText = "UPDATE outbox SET lease_worker = $worker, lease_until = $until WHERE id = $id;";
            var id = hold.Add("$id", null);
            hold.Add("$worker", worker);
            hold.Add("$until", Sql.Time(now + lease));
            foreach (var message in claimed)
            {
                id.Value = message.Notification.Id.ToString("D");
                await hold.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        return claimed;
    }

    /// <inheritdoc />
    public async Task<bool> MarkSentAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE outbox SET state = 'sent', sent_at = $at, lease_worker = NULL, lease_until = NULL WHERE id = $id AND state = 'pending';";
        command.Add("$id", id.ToString("D"));
        command.Add("$at", Sql.Time(at));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task<bool> MarkFailedAsync(Guid id, string failure, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(failure);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE outbox SET attempts = attempts + 1, last_error = $error, lease_worker = NULL, lease_until = NULL,
                state = CASE WHEN $next IS NULL THEN 'parked' ELSE 'pending' END,
                next_attempt_at = coalesce($next, next_attempt_at)
            WHERE id = $id AND state = 'pending';
            """;
        command.Add("$id", id.ToString("D"));
        command.Add("$error", StoredRecords.Error(failure));
        command.Add("$next", Sql.Time(nextAttemptAt));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OutboxMessage>> ReadOutboxAsync(ComplaintId complaintId, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {OutboxColumns} FROM outbox WHERE complaint_id = $id ORDER BY sequence, position;";
        command.Add("$id", Sql.Id(complaintId));
        var messages = new List<OutboxMessage>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            // A message this release cannot read is left out here; ReadParkedOutboxAsync lists it once a claim parked it.
            if (ReadOutbox(reader) is { } message)
            {
                messages.Add(message);
            }
        }

        return messages;
    }

    /// <summary>Closes the pooled connections to the file, so it can be moved or deleted.</summary>
    public void Dispose()
    {
        _sessions.Dispose();
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        _migration.Dispose();
    }

    /// <summary>Checks the settings and returns the normalised connection string, the file and the busy timeout.</summary>
    internal static (string ConnectionString, string DataSource, int BusyTimeoutMilliseconds) Parse(string connectionString, TimeSpan? busyTimeout)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
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

        var timeout = busyTimeout ?? TimeSpan.FromSeconds(30);
        if (timeout < TimeSpan.Zero || timeout > TimeSpan.FromHours(1))
        {
            throw new ArgumentOutOfRangeException(nameof(busyTimeout), busyTimeout, "The busy timeout must be between 0 and 1 hour.");
        }

        return (builder.ToString(), builder.DataSource, (int)timeout.TotalMilliseconds);
    }

    private const string OutboxColumns = "json, state, attempts, next_attempt_at, last_error, sent_at, id, complaint_id";

    /// <summary>The message of an outbox row, or <see langword="null"/> if this release cannot read its JSON.</summary>
    private static OutboxMessage? ReadOutbox(SqliteDataReader reader) =>
        StoredRecords.TryReadNotification(reader.GetString(0), out _) is { } notification
            ? new(
                notification,
                Spelling<OutboxState>.Parse(reader.GetString(1)),
                reader.GetInt32(2),
                Sql.ReadTime(reader.GetString(3)),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : Sql.ReadTime(reader.GetString(5)))
            : null;

    private static (Guid Id, ComplaintId ComplaintId, string Error) UnreadableOutboxRow(SqliteDataReader reader)
    {
        StoredRecords.TryReadNotification(reader.GetString(0), out var error);
        return (Guid.Parse(reader.GetString(6)), new ComplaintId(Guid.Parse(reader.GetString(7))), error!);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await MigrateAsync(cancellationToken).ConfigureAwait(false);
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

        await MigrateAsync(cancellationToken).ConfigureAwait(false);
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
