using System.Text;
using System.Text.Json;
using Complaints.Journal;
using Complaints.Notifications;
using Complaints.Ports;
using Complaints.Workflow.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace Complaints.Storage.PostgreSql;

/// <summary>
/// Keeps cases, journals and deadlines in PostgreSQL, for several application nodes sharing one database. A save is
/// one transaction writing the case row, its new journal rows, its deadline rows and the outbox rows of the
/// notifications the entries cause, and only if the stored version is still the expected one; desk queries run on
/// indexed columns; deadline workers and outbox dispatchers on any node claim work under a lease with
/// <c>FOR UPDATE SKIP LOCKED</c>. The store creates its schema on first use and upgrades an older one in place.
/// </summary>
/// <remarks>
/// Thread-safe: register one instance per process (<c>services.AddComplaints(...).UsePostgreSql(connectionString)</c>).
/// Connections come from Npgsql's pool and are held only for the duration of one call.
/// </remarks>
public sealed partial class PostgreSqlComplaintStore : IComplaintStore, IDeadlineStore, IOutboxStore, IAuditLog, IAsyncDisposable, IDisposable
{
    /// <summary>The schema version this library reads and writes; older schemas are upgraded to it, newer ones refused.</summary>
    public const int SchemaVersion = PostgreSqlSchema.CurrentVersion;

    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly bool _migrate;
    private readonly bool _prepare;
    private readonly string _s;
    private readonly CommandTexts _sql;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile bool _schemaReady;

    /// <summary>Creates a store over its own connection pool for <paramref name="connectionString"/>.</summary>
    /// <param name="connectionString">An Npgsql connection string, e.g. <c>Host=db;Username=complaints;Password=…;Database=complaints</c>.</param>
    /// <param name="options">The schema and migration settings; the defaults if <see langword="null"/>.</param>
    /// <param name="logger">Where the store logs the rows it cannot read and steps past; nothing if <see langword="null"/>.</param>
    public PostgreSqlComplaintStore(string connectionString, PostgreSqlStoreOptions? options = null, ILogger<PostgreSqlComplaintStore>? logger = null)
        : this(NpgsqlDataSource.Create(ValidConnectionString(connectionString)), ownsDataSource: true, options, logger)
    {
    }

    /// <summary>Creates a store over a data source the host configured (and disposes of itself).</summary>
    /// <param name="dataSource">The data source; the store does not dispose of it.</param>
    /// <param name="options">The schema and migration settings; the defaults if <see langword="null"/>.</param>
    /// <param name="logger">Where the store logs the rows it cannot read and steps past; nothing if <see langword="null"/>.</param>
    public PostgreSqlComplaintStore(NpgsqlDataSource dataSource, PostgreSqlStoreOptions? options = null, ILogger<PostgreSqlComplaintStore>? logger = null)
        : this(dataSource ?? throw new ArgumentNullException(nameof(dataSource)), ownsDataSource: false, options, logger)
    {
    }

    private PostgreSqlComplaintStore(NpgsqlDataSource dataSource, bool ownsDataSource, PostgreSqlStoreOptions? options, ILogger? logger)
    {
        _logger = logger ?? NullLogger.Instance;
        options ??= new PostgreSqlStoreOptions();
        PostgreSqlStoreOptions.ValidateSchemaName(options.Schema);
        _dataSource = dataSource;
        _ownsDataSource = ownsDataSource;
        _migrate = options.MigrateSchema;
        _prepare = options.PrepareStatements;
        Schema = options.Schema;
        _s = PostgreSqlSchema.Quote(Schema);
        _sql = new CommandTexts(_s);
    }

    /// <summary>The PostgreSQL schema holding the store's tables.</summary>
    public string Schema { get; }

    /// <summary>
    /// Creates the schema, or upgrades an older one in place, in one transaction; nodes starting together migrate once.
    /// The store does this on first use unless <see cref="PostgreSqlStoreOptions.MigrateSchema"/> is off.
    /// </summary>
    /// <param name="cancellationToken">Cancels the migration (nothing is changed).</param>
    /// <returns>A task that completes when the schema is at <see cref="SchemaVersion"/>.</returns>
    /// <exception cref="InvalidOperationException">The database holds a newer schema than this library knows; nothing was changed.</exception>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await PostgreSqlSchema.MigrateAsync(_dataSource, Schema, PostgreSqlSchema.CurrentVersion, cancellationToken).ConfigureAwait(false);
        _schemaReady = true;
    }

    /// <inheritdoc />
    public async Task<Complaint?> LoadAsync(ComplaintId id, CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        var command = new NpgsqlCommand(_sql.LoadCase, connection);
        await using var commandScope = command.ConfigureAwait(false);
        command.Parameters.Add(Parameter("id", NpgsqlDbType.Uuid, id.Value));
        if (_prepare)
        {
            await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
        }

        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? StoredRecords.ReadCase(id, reader.GetString(0)) : null;
    }

    /// <inheritdoc />
    public async Task SaveAsync(CaseChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        cancellationToken.ThrowIfCancellationRequested();
        var complaint = change.Complaint;
        var expectedVersion = change.ExpectedVersion;
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);

        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionScope = transaction.ConfigureAwait(false);

        // One round trip: the case row, then the journal rows, the deadline rows and the outbox rows. The version check
        // is the case row's own write: a new case is inserted unless its id exists, a stored one updated only from the
        // expected version. A racing writer blocks on the row until the first commits, then finds the version moved:
        // its case write changes nothing, and its journal rows then collide with the winner's (or, for a case that
        // does not exist, have none to refer to). Either way nothing of it is committed.
        var batch = new NpgsqlBatch(connection, transaction);
        await using (batch.ConfigureAwait(false))
        {
            var write = new NpgsqlBatchCommand(expectedVersion == 0 ? _sql.InsertCase : _sql.UpdateCase);
            AddCaseParameters(write.Parameters, complaint);
            write.Parameters.Add(Parameter("expected", NpgsqlDbType.Bigint, expectedVersion));
            batch.BatchCommands.Add(write);
            foreach (var entry in change.Entries)
            {
                batch.BatchCommands.Add(JournalInsert(entry));
            }

            var deleteStale = new NpgsqlBatchCommand(_sql.DeleteStaleDeadlines);
            deleteStale.Parameters.Add(Parameter("id", NpgsqlDbType.Uuid, complaint.Id.Value));
            deleteStale.Parameters.Add(Parameter("count", NpgsqlDbType.Integer, complaint.Deadlines.Count));
            batch.BatchCommands.Add(deleteStale);
            for (var slot = 0; slot < complaint.Deadlines.Count; slot++)
            {
                batch.BatchCommands.Add(DeadlineUpsert(change, slot));
            }

            var notifications = change.Notifications;
            for (var position = 0; position < notifications.Count; position++)
            {
                batch.BatchCommands.Add(OutboxInsert(notifications[position], position));
            }

            // Prepared statements persist on the pooled physical connection: parsed and planned once per connection;
            // preparing the same texts again sends nothing.
            if (_prepare)
            {
                await batch.PrepareAsync(cancellationToken).ConfigureAwait(false);
            }

            try
            {
                await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ForeignKeyViolation)
            {
                await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                var actual = await ReadVersionAsync(connection, complaint.Id, cancellationToken).ConfigureAwait(false);
                if (actual != expectedVersion)
                {
                    throw new ConcurrencyException(complaint.Id, expectedVersion, actual);
                }

                throw;
            }

            if (write.RecordsAffected == 0)
            {
                await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                var actual = await ReadVersionAsync(connection, complaint.Id, cancellationToken).ConfigureAwait(false);
                throw new ConcurrencyException(complaint.Id, expectedVersion, actual);
            }
        }

        // Past this point the write either commits or the caller sees the failure: never "cancelled" yet written.
        cancellationToken.ThrowIfCancellationRequested();
        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(ComplaintId id, CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var command = _dataSource.CreateCommand($"SELECT entry FROM {_s}.journal WHERE complaint_id = @id ORDER BY sequence");
        await using var commandScope = command.ConfigureAwait(false);
        command.Parameters.Add(Parameter("id", NpgsqlDbType.Uuid, id.Value));
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        var entries = new List<JournalEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(JsonSerializer.Deserialize<JournalEntry>(reader.GetString(0), ComplaintsJson.Options)
                ?? throw new InvalidDataException($"A journal entry of complaint {id} in the PostgreSQL store is null."));
        }

        return entries;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Complaint>> QueryAsync(ComplaintQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var command = _dataSource.CreateCommand();
        await using var commandScope = command.ConfigureAwait(false);
        var sql = new StringBuilder($"SELECT id, document FROM {_s}.complaints");
        AppendFilter(sql, command.Parameters, query);
        sql.Append(" ORDER BY received_ticks, id LIMIT @take OFFSET @skip");
        command.Parameters.Add(Parameter("take", NpgsqlDbType.Integer, Math.Max(0, query.Take)));
        command.Parameters.Add(Parameter("skip", NpgsqlDbType.Integer, Math.Max(0, query.Skip)));
        command.CommandText = sql.ToString();

        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        var page = new List<Complaint>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (_logger.ReadCaseOrSkip(new ComplaintId(reader.GetGuid(0)), reader.GetString(1)) is { } complaint)
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
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var (column, key) = query.By switch
        {
            ComplaintCountGrouping.State => ("state", (Func<string, string>)CaseColumns.StateKey),
            ComplaintCountGrouping.Category => ("category", static k => k),
            ComplaintCountGrouping.Department => ("department", static k => k),
            ComplaintCountGrouping.Severity => ("severity", CaseColumns.SeverityKey),
            _ => throw new ArgumentOutOfRangeException(nameof(query), query.By, "Unknown grouping."),
        };

        var command = _dataSource.CreateCommand();
        await using var commandScope = command.ConfigureAwait(false);
        var sql = new StringBuilder($"SELECT {column}, count(*) FROM {_s}.complaints WHERE TRUE");
        AppendReceived(sql, command.Parameters, query.ReceivedFrom, query.ReceivedTo);
        sql.Append(" GROUP BY ").Append(column);
        command.CommandText = sql.ToString();

        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        var counts = new List<ComplaintCount>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts.Add(new ComplaintCount(reader.IsDBNull(0) ? null : key(reader.GetString(0)), checked((int)reader.GetInt64(1))));
        }

        // Ordinal order (UTF-16 code units) as the reference semantics say; the database's collation may differ.
        return [.. counts.OrderBy(c => c.Key, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DueDeadline>> ClaimDueDeadlinesAsync(DateTimeOffset now, string worker, TimeSpan lease, int max, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(worker);
        if (lease < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(lease), lease, "A lease cannot be negative.");
        }
        if (max <= 0)
        {
            return [];
        }

        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);

        // One statement: pick due alarms not leased by another worker, skipping rows another claim or a save holds,
        // and lease them. A row a concurrent claim has just leased is re-checked on its new version and dropped.
        const string Alarm = "CASE WHEN d.due_ticks <= @now THEN 'breach' ELSE 'warning' END";
        var command = _dataSource.CreateCommand($"""
            WITH due AS (
                SELECT d.complaint_id, d.slot, d.kind,
                       {Alarm} AS alarm,
                       CASE WHEN d.due_ticks <= @now THEN d.due_ticks ELSE d.warn_ticks END AS alarm_ticks
                FROM {_s}.deadlines d
                WHERE d.next_alarm_ticks <= @now
                  AND (d.lease_until_ticks IS NULL OR d.lease_until_ticks <= @now OR d.lease_worker = @worker
                       OR d.lease_alarm IS DISTINCT FROM {Alarm})
                  AND NOT EXISTS (
                       SELECT 1 FROM {_s}.parked_alarms p WHERE p.complaint_id = d.complaint_id AND p.kind = d.kind AND p.alarm = {Alarm})
                ORDER BY alarm_ticks, d.complaint_id, d.slot
                LIMIT @max
                FOR UPDATE OF d SKIP LOCKED
            )
            UPDATE {_s}.deadlines d
            SET lease_worker = @worker, lease_alarm = due.alarm, lease_until = @until, lease_until_ticks = @until_ticks
            FROM due
            WHERE d.complaint_id = due.complaint_id AND d.slot = due.slot
            RETURNING due.complaint_id, due.kind, due.alarm, due.alarm_ticks
            """);
        await using var commandScope = command.ConfigureAwait(false);
        var until = now + lease;
        command.Parameters.Add(Parameter("now", NpgsqlDbType.Bigint, CaseColumns.Ticks(now)));
        command.Parameters.Add(Parameter("worker", NpgsqlDbType.Text, worker));
        command.Parameters.Add(Parameter("max", NpgsqlDbType.Integer, max));
        command.Parameters.Add(Parameter("until", NpgsqlDbType.TimestampTz, CaseColumns.Utc(until)));
        command.Parameters.Add(Parameter("until_ticks", NpgsqlDbType.Bigint, CaseColumns.Ticks(until)));

        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        var claimed = new List<DueDeadline>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            claimed.Add(new DueDeadline(
                new ComplaintId(reader.GetGuid(0)),
                CaseColumns.Kind(reader.GetString(1)),
                CaseColumns.Alarm(reader.GetString(2)),
                new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero)));
        }

        return [.. claimed.OrderBy(d => d.DueAt)];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OutboxMessage>> ClaimOutboxAsync(DateTimeOffset now, string worker, TimeSpan lease, int max, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(worker);
        if (lease < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(lease), lease, "A lease cannot be negative.");
        }

        if (max <= 0)
        {
            return [];
        }

        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);

        // One statement: pick pending messages not leased by another worker, skipping rows another claim holds, and lease them.
        var command = _dataSource.CreateCommand($"""
            WITH due AS (
                SELECT o.id FROM {_s}.outbox o
                WHERE o.state = 'pending' AND o.next_attempt_ticks <= @now
                  AND (o.lease_until_ticks IS NULL OR o.lease_until_ticks <= @now OR o.lease_worker = @worker)
                ORDER BY o.next_attempt_ticks, o.complaint_id, o.sequence, o.position
                LIMIT @max
                FOR UPDATE OF o SKIP LOCKED
            )
            UPDATE {_s}.outbox o
            SET lease_worker = @worker, lease_until_ticks = @until_ticks
            FROM due
            WHERE o.id = due.id AND o.state = 'pending'
            RETURNING {OutboxColumns}
            """);
        await using var commandScope = command.ConfigureAwait(false);
        command.Parameters.Add(Parameter("now", NpgsqlDbType.Bigint, CaseColumns.Ticks(now)));
        command.Parameters.Add(Parameter("worker", NpgsqlDbType.Text, worker));
        command.Parameters.Add(Parameter("max", NpgsqlDbType.Integer, max));
        command.Parameters.Add(Parameter("until_ticks", NpgsqlDbType.Bigint, CaseColumns.Ticks(now + lease)));
        var unreadable = new List<(Guid Id, ComplaintId ComplaintId, string Error)>();
        var claimed = await ReadOutboxRowsAsync(command, unreadable, cancellationToken).ConfigureAwait(false);

        // A message this release cannot read is parked with why, so the others are sent.
        await ParkUnreadableOutboxAsync(unreadable, cancellationToken).ConfigureAwait(false);
        return [.. claimed.OrderBy(m => m.NextAttemptAt)];
    }

    /// <inheritdoc />
    public async Task<bool> MarkSentAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var command = _dataSource.CreateCommand(
            $"UPDATE {_s}.outbox SET state = 'sent', sent_at = @at, lease_worker = NULL, lease_until_ticks = NULL WHERE id = @id AND state = 'pending'");
        await using var commandScope = command.ConfigureAwait(false);
        command.Parameters.Add(Parameter("id", NpgsqlDbType.Uuid, id));
        command.Parameters.Add(Parameter("at", NpgsqlDbType.TimestampTz, CaseColumns.Utc(at)));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task<bool> MarkFailedAsync(Guid id, string failure, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(failure);
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var command = _dataSource.CreateCommand($"""
            UPDATE {_s}.outbox SET attempts = attempts + 1, last_error = @error, lease_worker = NULL, lease_until_ticks = NULL,
                state = CASE WHEN @park THEN 'parked' ELSE 'pending' END,
                next_attempt_at = coalesce(@next, next_attempt_at),
                next_attempt_ticks = coalesce(@next_ticks, next_attempt_ticks)
            WHERE id = @id AND state = 'pending'
            """);
        await using var commandScope = command.ConfigureAwait(false);
        command.Parameters.Add(Parameter("id", NpgsqlDbType.Uuid, id));
        command.Parameters.Add(Parameter("error", NpgsqlDbType.Text, StoredRecords.Error(failure)));
        command.Parameters.Add(Parameter("park", NpgsqlDbType.Boolean, nextAttemptAt is null));
        command.Parameters.Add(Parameter("next", NpgsqlDbType.TimestampTz, CaseColumns.Utc(nextAttemptAt)));
        command.Parameters.Add(Parameter("next_ticks", NpgsqlDbType.Bigint, nextAttemptAt is { } next ? CaseColumns.Ticks(next) : null));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OutboxMessage>> ReadOutboxAsync(ComplaintId complaintId, CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var command = _dataSource.CreateCommand($"SELECT {OutboxColumns} FROM {_s}.outbox o WHERE o.complaint_id = @id ORDER BY o.sequence, o.position");
        await using var commandScope = command.ConfigureAwait(false);
        command.Parameters.Add(Parameter("id", NpgsqlDbType.Uuid, complaintId.Value));
        // A message this release cannot read is left out here; ReadParkedOutboxAsync lists it once a claim parked it.
        return await ReadOutboxRowsAsync(command, null, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_ownsDataSource)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }

        _schemaGate.Dispose();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsDataSource)
        {
            _dataSource.Dispose();
        }

        _schemaGate.Dispose();
    }

    private async ValueTask EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (_schemaReady)
        {
            return;
        }

        await _schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_schemaReady)
            {
                // A failure (database down, newer schema) is thrown to the caller and tried again on the next call.
                if (_migrate)
                {
                    await PostgreSqlSchema.MigrateAsync(_dataSource, Schema, PostgreSqlSchema.CurrentVersion, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await PostgreSqlSchema.CheckAsync(_dataSource, Schema, cancellationToken).ConfigureAwait(false);
                }

                _schemaReady = true;
            }
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    private static void AppendFilter(StringBuilder sql, NpgsqlParameterCollection parameters, ComplaintQuery query)
    {
        sql.Append(" WHERE TRUE");
        if (query.States is { } states)
        {
            sql.Append(" AND state = ANY(@states)");
            parameters.Add(Parameter("states", NpgsqlDbType.Array | NpgsqlDbType.Text, states.Select(CaseColumns.Of).ToArray()));
        }

        if (query.Severities is { } severities)
        {
            sql.Append(" AND severity = ANY(@severities)");
            parameters.Add(Parameter("severities", NpgsqlDbType.Array | NpgsqlDbType.Text, severities.Select(CaseColumns.Of).ToArray()));
        }

        if (query.Categories is { } categories)
        {
            sql.Append(" AND category = ANY(@categories)");
            parameters.Add(Parameter("categories", NpgsqlDbType.Array | NpgsqlDbType.Text, categories.ToArray()));
        }

        if (query.Assignee is { } assignee)
        {
            sql.Append(" AND assignee = @assignee");
            parameters.Add(Parameter("assignee", NpgsqlDbType.Text, assignee.Value));
        }

        if (query.Department is { } department)
        {
            sql.Append(" AND department = @department");
            parameters.Add(Parameter("department", NpgsqlDbType.Text, department.Value));
        }

        if (query.AwaitingApprovalByRole is { } role)
        {
            sql.Append(" AND state = @awaiting_approval AND pending_approval_role_key = @approval_role");
            parameters.Add(Parameter("approval_role", NpgsqlDbType.Text, CaseColumns.RoleKey(role)));
        }

        if (query.DueBefore is { } due)
        {
            sql.Append(" AND next_due_ticks < @due_before");
            parameters.Add(Parameter("due_before", NpgsqlDbType.Bigint, CaseColumns.Ticks(due)));
        }

        AppendReceived(sql, parameters, query.ReceivedFrom, query.ReceivedTo);

        if (query.VisibleTo is { } reader)
        {
            sql.Append(" AND (received_by = @reader OR assignee = @reader");
            parameters.Add(Parameter("reader", NpgsqlDbType.Text, reader.Actor.Value));
            if (reader.Department is { } readerDepartment)
            {
                sql.Append(" OR department = @reader_department");
                parameters.Add(Parameter("reader_department", NpgsqlDbType.Text, readerDepartment.Value));
            }

            sql.Append(" OR (state = @awaiting_approval AND pending_approval_role_key = ANY(@reader_roles)))");
            parameters.Add(Parameter("reader_roles", NpgsqlDbType.Array | NpgsqlDbType.Text, reader.Roles.Select(CaseColumns.RoleKey).ToArray()));
        }

        if (query.AwaitingApprovalByRole is not null || query.VisibleTo is not null)
        {
            parameters.Add(Parameter("awaiting_approval", NpgsqlDbType.Text, CaseColumns.Of(ComplaintState.AwaitingApproval)));
        }
    }

    private static void AppendReceived(StringBuilder sql, NpgsqlParameterCollection parameters, DateTimeOffset? from, DateTimeOffset? to)
    {
        if (from is { } start)
        {
            sql.Append(" AND received_ticks >= @received_from");
            parameters.Add(Parameter("received_from", NpgsqlDbType.Bigint, CaseColumns.Ticks(start)));
        }

        if (to is { } end)
        {
            sql.Append(" AND received_ticks < @received_to");
            parameters.Add(Parameter("received_to", NpgsqlDbType.Bigint, CaseColumns.Ticks(end)));
        }
    }

    private static void AddCaseParameters(NpgsqlParameterCollection parameters, Complaint complaint)
    {
        var next = complaint.NextDeadline;
        var pendingRole = complaint.PendingApproval?.Role;
        parameters.Add(Parameter("id", NpgsqlDbType.Uuid, complaint.Id.Value));
        parameters.Add(Parameter("version", NpgsqlDbType.Bigint, complaint.Version));
        parameters.Add(Parameter("state", NpgsqlDbType.Text, CaseColumns.Of(complaint.State)));
        parameters.Add(Parameter("severity", NpgsqlDbType.Text, complaint.Severity is { } severity ? CaseColumns.Of(severity) : null));
        parameters.Add(Parameter("category", NpgsqlDbType.Text, complaint.Category));
        parameters.Add(Parameter("department", NpgsqlDbType.Text, complaint.Department?.Value));
        parameters.Add(Parameter("assignee", NpgsqlDbType.Text, complaint.Assignee?.Id.Value));
        parameters.Add(Parameter("received_by", NpgsqlDbType.Text, complaint.ReceivedBy.Id.Value));
        parameters.Add(Parameter("escalation_level", NpgsqlDbType.Integer, complaint.EscalationLevel));
        parameters.Add(Parameter("pending_approval_role", NpgsqlDbType.Text, pendingRole));
        parameters.Add(Parameter("pending_approval_role_key", NpgsqlDbType.Text, pendingRole is null ? null : CaseColumns.RoleKey(pendingRole)));
        parameters.Add(Parameter("next_due_at", NpgsqlDbType.TimestampTz, CaseColumns.Utc(next?.DueAt)));
        parameters.Add(Parameter("next_due_ticks", NpgsqlDbType.Bigint, next is null ? null : CaseColumns.Ticks(next.DueAt)));
        parameters.Add(Parameter("pack_id", NpgsqlDbType.Text, complaint.Policy.Id));
        parameters.Add(Parameter("pack_version", NpgsqlDbType.Text, complaint.Policy.Version));
        parameters.Add(Parameter("received_at", NpgsqlDbType.TimestampTz, CaseColumns.Utc(complaint.ReceivedAt)));
        parameters.Add(Parameter("received_ticks", NpgsqlDbType.Bigint, CaseColumns.Ticks(complaint.ReceivedAt)));
        parameters.Add(Parameter("updated_at", NpgsqlDbType.TimestampTz, CaseColumns.Utc(complaint.UpdatedAt)));
        parameters.Add(Parameter("document", NpgsqlDbType.Json, JsonSerializer.Serialize(complaint, ComplaintsJson.Options)));
    }

    private const string OutboxColumns = "o.notification, o.state, o.attempts, o.next_attempt_ticks, o.last_error, o.sent_at, o.id, o.complaint_id";

    /// <summary>The readable messages of the rows; the unreadable ones go to <paramref name="unreadable"/> (if given).</summary>
    private static async Task<List<OutboxMessage>> ReadOutboxRowsAsync(
        NpgsqlCommand command, List<(Guid Id, ComplaintId ComplaintId, string Error)>? unreadable, CancellationToken cancellationToken)
    {
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        var messages = new List<OutboxMessage>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (StoredRecords.TryReadNotification(reader.GetString(0), out var error) is not { } notification)
            {
                unreadable?.Add((reader.GetGuid(6), new ComplaintId(reader.GetGuid(7)), error!));
                continue;
            }

            messages.Add(new OutboxMessage(
                notification,
                reader.GetString(1) switch
                {
                    "pending" => OutboxState.Pending,
                    "sent" => OutboxState.Sent,
                    "parked" => OutboxState.Parked,
                    var other => throw new InvalidDataException($"The outbox holds the unknown state '{other}'."),
                },
                reader.GetInt32(2),
                new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : new DateTimeOffset(reader.GetFieldValue<DateTime>(5).ToUniversalTime(), TimeSpan.Zero)));
        }

        return messages;
    }

    private NpgsqlBatchCommand OutboxInsert(Notification notification, int position)
    {
        var command = new NpgsqlBatchCommand(_sql.InsertOutbox);
        command.Parameters.Add(Parameter("id", NpgsqlDbType.Uuid, notification.Id));
        command.Parameters.Add(Parameter("complaint_id", NpgsqlDbType.Uuid, notification.ComplaintId.Value));
        command.Parameters.Add(Parameter("sequence", NpgsqlDbType.Bigint, notification.Sequence));
        command.Parameters.Add(Parameter("position", NpgsqlDbType.Integer, position));
        command.Parameters.Add(Parameter("kind", NpgsqlDbType.Text, notification.Kind.ToString()));
        command.Parameters.Add(Parameter("next", NpgsqlDbType.TimestampTz, CaseColumns.Utc(notification.CreatedAt)));
        command.Parameters.Add(Parameter("next_ticks", NpgsqlDbType.Bigint, CaseColumns.Ticks(notification.CreatedAt)));
        command.Parameters.Add(Parameter("notification", NpgsqlDbType.Json, JsonSerializer.Serialize(notification, ComplaintsJson.Options)));
        return command;
    }

    private NpgsqlBatchCommand JournalInsert(JournalEntry entry)
    {
        var command = new NpgsqlBatchCommand(_sql.InsertJournal);
        command.Parameters.Add(Parameter("id", NpgsqlDbType.Uuid, entry.ComplaintId.Value));
        command.Parameters.Add(Parameter("sequence", NpgsqlDbType.Bigint, entry.Sequence));
        command.Parameters.Add(Parameter("at", NpgsqlDbType.TimestampTz, CaseColumns.Utc(entry.At)));
        command.Parameters.Add(Parameter("actor", NpgsqlDbType.Text, entry.Actor.Id.Value));
        command.Parameters.Add(Parameter("from", NpgsqlDbType.Text, CaseColumns.Of(entry.From)));
        command.Parameters.Add(Parameter("to", NpgsqlDbType.Text, CaseColumns.Of(entry.To)));
        command.Parameters.Add(Parameter("event", NpgsqlDbType.Text, CaseColumns.EventType(entry.Event)));
        command.Parameters.Add(Parameter("command", NpgsqlDbType.Uuid, entry.CommandId));
        command.Parameters.Add(Parameter("entry", NpgsqlDbType.Json, JsonSerializer.Serialize(entry, ComplaintsJson.Options)));
        return command;
    }

    private NpgsqlBatchCommand DeadlineUpsert(CaseChange change, int slot)
    {
        var complaint = change.Complaint;
        var deadline = complaint.Deadlines[slot];
        var command = new NpgsqlBatchCommand(_sql.UpsertDeadline);
        command.Parameters.Add(Parameter("id", NpgsqlDbType.Uuid, complaint.Id.Value));
        command.Parameters.Add(Parameter("slot", NpgsqlDbType.Integer, slot));
        command.Parameters.Add(Parameter("kind", NpgsqlDbType.Text, CaseColumns.Of(deadline.Kind)));
        command.Parameters.Add(Parameter("due_at", NpgsqlDbType.TimestampTz, CaseColumns.Utc(deadline.DueAt)));
        command.Parameters.Add(Parameter("due_ticks", NpgsqlDbType.Bigint, CaseColumns.Ticks(deadline.DueAt)));
        command.Parameters.Add(Parameter("warn_at", NpgsqlDbType.TimestampTz, CaseColumns.Utc(deadline.WarnAt)));
        command.Parameters.Add(Parameter("warn_ticks", NpgsqlDbType.Bigint, deadline.WarnAt is { } warn ? CaseColumns.Ticks(warn) : null));
        command.Parameters.Add(Parameter("met_at", NpgsqlDbType.TimestampTz, CaseColumns.Utc(deadline.MetAt)));
        command.Parameters.Add(Parameter("warned_at", NpgsqlDbType.TimestampTz, CaseColumns.Utc(deadline.WarnedAt)));
        command.Parameters.Add(Parameter("breached_at", NpgsqlDbType.TimestampTz, CaseColumns.Utc(deadline.BreachedAt)));
        command.Parameters.Add(Parameter("clock_running", NpgsqlDbType.Boolean, DeadlineAlarms.ClockRuns(complaint)));
        command.Parameters.Add(Parameter("next_alarm_ticks", NpgsqlDbType.Bigint, change.Alarms[slot].NextAt is { } next ? CaseColumns.Ticks(next) : null));
        return command;
    }

    private async Task<long> ReadVersionAsync(NpgsqlConnection connection, ComplaintId id, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(_sql.ReadVersion, connection);
        await using var commandScope = command.ConfigureAwait(false);
        command.Parameters.Add(Parameter("id", NpgsqlDbType.Uuid, id.Value));
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version ? version : 0;
    }

    private static NpgsqlParameter Parameter(string name, NpgsqlDbType type, object? value) =>
        new(name, type) { Value = value ?? DBNull.Value };

    private static string ValidConnectionString(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return connectionString;
    }
}
