using System.Globalization;
using System.Text;
using System.Text.Json;
using Complaints.Journal;
using Complaints.Notifications;
using Complaints.Ports;
using Complaints.Storage.Sqlite.Internal;
using Complaints.Workflow.InMemory;
using Microsoft.Data.Sqlite;

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
/// Thread-safe: every call uses its own pooled connection. Register it with
/// <c>services.AddComplaints(...).UseSqlite("Data Source=complaints.db")</c>.
/// </remarks>
public sealed class SqliteComplaintStore : IComplaintStore, IDeadlineStore, IOutboxStore, IDisposable
{
    private readonly string _connectionString;
    private readonly string _dataSource;
    private readonly int _busyTimeoutMilliseconds;
    private readonly string _connectionPragmas;
    private readonly SemaphoreSlim _migration = new(1, 1);
    private volatile bool _migrated;

    /// <summary>Creates the store over the database <paramref name="connectionString"/> names; nothing is opened until first use.</summary>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string, e.g. <c>Data Source=complaints.db</c>. The file is created if missing.</param>
    /// <param name="busyTimeout">How long a write waits for another writer before failing; 30 seconds if <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The connection string is empty or invalid, or names no file.</exception>
    public SqliteComplaintStore(string connectionString, TimeSpan? busyTimeout = null)
    {
        (_connectionString, _dataSource, _busyTimeoutMilliseconds) = Parse(connectionString, busyTimeout);
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

            using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);

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
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT json FROM complaints WHERE id = $id;";
        command.Add("$id", Sql.Id(id));
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string json
            ? JsonSerializer.Deserialize<Complaint>(json, ComplaintsJson.Options)
            : null;
    }

    /// <inheritdoc />
    public async Task SaveAsync(Complaint complaint, IReadOnlyList<JournalEntry> newEntries, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(newEntries);
        cancellationToken.ThrowIfCancellationRequested();
        StoreChecks.EntriesFollow(complaint, newEntries, expectedVersion);
        var id = Sql.Id(complaint.Id);
        var json = JsonSerializer.Serialize(complaint, ComplaintsJson.Options);

        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);

        // BEGIN IMMEDIATE: take the write lock before reading the version, so the check and the write see one state.
        using var transaction = connection.BeginTransaction(deferred: false);
        using (var check = connection.CreateCommand())
        {
            check.Transaction = transaction;
            check.CommandText = "SELECT version FROM complaints WHERE id = $id;";
            check.Add("$id", id);
            var actual = await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is { } v ? Convert.ToInt64(v, CultureInfo.InvariantCulture) : 0;
            if (actual != expectedVersion)
            {
                throw new ConcurrencyException(complaint.Id, expectedVersion, actual);
            }
        }

        await WriteCaseAsync(connection, transaction, complaint, id, json, isNew: expectedVersion == 0, cancellationToken).ConfigureAwait(false);
        await AppendJournalAsync(connection, transaction, id, newEntries, cancellationToken).ConfigureAwait(false);
        await WriteDeadlinesAsync(connection, transaction, complaint, id, cancellationToken).ConfigureAwait(false);
        await WriteOutboxAsync(connection, transaction, id, NotificationPlanner.Plan(complaint, newEntries), cancellationToken).ConfigureAwait(false);

        cancellationToken.ThrowIfCancellationRequested();
        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
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
        command.CommandText = $"SELECT json FROM complaints WHERE {where} ORDER BY received_at, id LIMIT $take OFFSET $skip;";
        command.Add("$take", Math.Max(0, query.Take));
        command.Add("$skip", Math.Max(0, query.Skip));
        var page = new List<Complaint>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            page.Add(JsonSerializer.Deserialize<Complaint>(reader.GetString(0), ComplaintsJson.Options)!);
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
                claimed.Add(ReadOutbox(reader));
            }
        }

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
        command.Add("$error", failure);
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
            messages.Add(ReadOutbox(reader));
        }

        return messages;
    }

    /// <summary>Closes the pooled connections to the file, so it can be moved or deleted.</summary>
    public void Dispose()
    {
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

    private const string OutboxColumns = "json, state, attempts, next_attempt_at, last_error, sent_at";

    private static OutboxMessage ReadOutbox(SqliteDataReader reader) => new(
        JsonSerializer.Deserialize<Notification>(reader.GetString(0), ComplaintsJson.Options)!,
        Spelling<OutboxState>.Parse(reader.GetString(1)),
        reader.GetInt32(2),
        Sql.ReadTime(reader.GetString(3)),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        reader.IsDBNull(5) ? null : Sql.ReadTime(reader.GetString(5)));

    private static async Task WriteOutboxAsync(SqliteConnection connection, SqliteTransaction transaction, string id, IReadOnlyList<Notification> notifications, CancellationToken cancellationToken)
    {
        if (notifications.Count == 0)
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO outbox (id, complaint_id, sequence, position, kind, state, attempts, next_attempt_at, json)
            VALUES ($id, $complaint_id, $sequence, $position, $kind, 'pending', 0, $next_attempt_at, $json)
            ON CONFLICT (id) DO NOTHING;
            """;
        command.Add("$complaint_id", id);
        var messageId = command.Add("$id", null);
        var sequence = command.Add("$sequence", null);
        var position = command.Add("$position", null);
        var kind = command.Add("$kind", null);
        var next = command.Add("$next_attempt_at", null);
        var json = command.Add("$json", null);
        for (var i = 0; i < notifications.Count; i++)
        {
            var n = notifications[i];
            messageId.Value = n.Id.ToString("D");
            sequence.Value = n.Sequence;
            position.Value = i;
            kind.Value = Spelling<NotificationKind>.Of(n.Kind);
            next.Value = Sql.Time(n.CreatedAt);
            json.Value = JsonSerializer.Serialize(n, ComplaintsJson.Options);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task WriteCaseAsync(SqliteConnection connection, SqliteTransaction transaction, Complaint c, string id, string json, bool isNew, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = isNew
            ? """
              INSERT INTO complaints (id, version, state, severity, category, department, assignee, received_by, escalation_level, next_due_at,
                  clock_paused_at, is_final, pending_approval_role, pending_approval_role_key, policy_id, policy_version, received_at, updated_at, json)
              VALUES ($id, $version, $state, $severity, $category, $department, $assignee, $received_by, $escalation_level, $next_due_at,
                  $clock_paused_at, $is_final, $pending_approval_role, $pending_approval_role_key, $policy_id, $policy_version, $received_at, $updated_at, $json);
              """
            : """
              UPDATE complaints SET version = $version, state = $state, severity = $severity, category = $category, department = $department,
                  assignee = $assignee, received_by = $received_by, escalation_level = $escalation_level, next_due_at = $next_due_at,
                  clock_paused_at = $clock_paused_at, is_final = $is_final, pending_approval_role = $pending_approval_role,
                  pending_approval_role_key = $pending_approval_role_key, policy_id = $policy_id, policy_version = $policy_version,
                  received_at = $received_at, updated_at = $updated_at, json = $json
              WHERE id = $id;
              """;
        var pending = c.PendingApproval?.Role;
        command.Add("$id", id);
        command.Add("$version", c.Version);
        command.Add("$state", Spelling<ComplaintState>.Of(c.State));
        command.Add("$severity", c.Severity is { } severity ? Spelling<Severity>.Of(severity) : null);
        command.Add("$category", c.Category);
        command.Add("$department", c.Department?.Value);
        command.Add("$assignee", c.Assignee?.Id.Value);
        command.Add("$received_by", c.ReceivedBy.Id.Value);
        command.Add("$escalation_level", c.EscalationLevel);
        command.Add("$next_due_at", Sql.Time(c.NextDeadline?.DueAt));
        command.Add("$clock_paused_at", Sql.Time(c.ClockPausedAt));
        command.Add("$is_final", c.IsFinal ? 1 : 0);
        command.Add("$pending_approval_role", pending);
        command.Add("$pending_approval_role_key", QuerySql.RoleKey(pending));
        command.Add("$policy_id", c.Policy.Id);
        command.Add("$policy_version", c.Policy.Version);
        command.Add("$received_at", Sql.Time(c.ReceivedAt));
        command.Add("$updated_at", Sql.Time(c.UpdatedAt));
        command.Add("$json", json);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task AppendJournalAsync(SqliteConnection connection, SqliteTransaction transaction, string id, IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO journal (complaint_id, sequence, at, actor_id, event_type, from_state, to_state, command_id, json)
            VALUES ($id, $sequence, $at, $actor_id, $event_type, $from_state, $to_state, $command_id, $json);
            """;
        command.Add("$id", id);
        var sequence = command.Add("$sequence", null);
        var at = command.Add("$at", null);
        var actor = command.Add("$actor_id", null);
        var type = command.Add("$event_type", null);
        var from = command.Add("$from_state", null);
        var to = command.Add("$to_state", null);
        var commandId = command.Add("$command_id", null);
        var json = command.Add("$json", null);
        foreach (var entry in entries)
        {
            var text = JsonSerializer.Serialize(entry, ComplaintsJson.Options);
            sequence.Value = entry.Sequence;
            at.Value = Sql.Time(entry.At);
            actor.Value = entry.Actor.Id.Value;
            type.Value = EventTypes.Of(entry.Event);
            from.Value = Spelling<ComplaintState>.Of(entry.From);
            to.Value = Spelling<ComplaintState>.Of(entry.To);
            commandId.Value = entry.CommandId.ToString("D");
            json.Value = text;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task WriteDeadlinesAsync(SqliteConnection connection, SqliteTransaction transaction, Complaint c, string id, CancellationToken cancellationToken)
    {
        using (var clear = connection.CreateCommand())
        {
            clear.Transaction = transaction;
            clear.CommandText = "DELETE FROM deadlines WHERE complaint_id = $id;";
            clear.Add("$id", id);
            await clear.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (c.Deadlines.Count > 0)
        {
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO deadlines (complaint_id, position, kind, due_at, warn_at, met_at, warned_at, breached_at)
                VALUES ($id, $position, $kind, $due_at, $warn_at, $met_at, $warned_at, $breached_at);
                """;
            insert.Add("$id", id);
            var position = insert.Add("$position", null);
            var kind = insert.Add("$kind", null);
            var due = insert.Add("$due_at", null);
            var warn = insert.Add("$warn_at", null);
            var met = insert.Add("$met_at", null);
            var warned = insert.Add("$warned_at", null);
            var breached = insert.Add("$breached_at", null);
            for (var i = 0; i < c.Deadlines.Count; i++)
            {
                var d = c.Deadlines[i];
                position.Value = i;
                kind.Value = Spelling<DeadlineKind>.Of(d.Kind);
                due.Value = Sql.Time(d.DueAt);
                warn.Value = Sql.Time(d.WarnAt);
                met.Value = Sql.Time(d.MetAt);
                warned.Value = Sql.Time(d.WarnedAt);
                breached.Value = Sql.Time(d.BreachedAt);
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        // Leases on alarms that can no longer fire (recorded, met, breached) are done with.
        using var release = connection.CreateCommand();
        release.Transaction = transaction;
        release.CommandText = """
            DELETE FROM deadline_leases WHERE complaint_id = $id AND NOT EXISTS (
                SELECT 1 FROM deadlines d
                WHERE d.complaint_id = deadline_leases.complaint_id AND d.kind = deadline_leases.kind
                  AND d.met_at IS NULL AND d.breached_at IS NULL
                  AND (deadline_leases.alarm = 'breach' OR (d.warn_at IS NOT NULL AND d.warned_at IS NULL)));
            """;
        release.Add("$id", id);
        await release.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await MigrateAsync(cancellationToken).ConfigureAwait(false);
        return await ConnectAsync(cancellationToken).ConfigureAwait(false);
    }

    // The SQLite connections (handles) this process has configured; a handle is forgotten when it is collected.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SQLitePCL.sqlite3, string> ConfiguredHandles = new();

    private async Task<SqliteConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

            // Per-connection settings, once per underlying SQLite connection: a pooled connection keeps them, and
            // setting them on every open cost three statements per open (two opens per command).
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
