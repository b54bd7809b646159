using System.Text.Json;
using Complaints.Journal;
using Complaints.Notifications;
using Complaints.Ports;
using Complaints.Storage.PostgreSql.Internal;
using Complaints.Workflow.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using static Complaints.Storage.PostgreSql.Internal.Parameters;

namespace Complaints.Storage.PostgreSql;

/// <summary>Cases and their journals: load, save (one transaction, one round trip, for the whole <see cref="CaseChange"/>), read the journal, desk queries and counts.</summary>
public sealed partial class PostgreSqlComplaintStore
{
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
            var write = AddChange(batch, change);

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
        var command = _dataSource.CreateCommand(_sql.ReadJournal);
        await using var commandScope = command.ConfigureAwait(false);
        command.Parameters.Add(Parameter("id", NpgsqlDbType.Uuid, id.Value));
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        var entries = new List<JournalEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(JsonSerializer.Deserialize(reader.GetString(0), ComplaintsJson.TypeInfo<JournalEntry>())
                ?? throw new InvalidDataException($"A journal entry of complaint {id} in the PostgreSQL store is null."));
        }

        return entries;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Complaint>> QueryAsync(ComplaintQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return await ReadPageAsync(parameters => _sql.QueryCases(QuerySql.Where(query, parameters)), query.Skip, query.Take, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DeskItem>> QueryDeskAsync(DeskQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var page = await ReadPageAsync(
            parameters =>
            {
                parameters.Add(Parameter("reach", NpgsqlDbType.Bigint, (long)Math.Max(0, query.Skip) + Math.Max(0, query.Take)));
                return _sql.QueryDesk(QuerySql.DeskReasons(query, parameters));
            },
            query.Skip,
            query.Take,
            cancellationToken).ConfigureAwait(false);
        // The columns chose the cases; their reasons are read from the cases themselves, by the reference semantics.
        return page.ConvertAll(complaint => new DeskItem(complaint, query.ReasonsFor(complaint)));
    }

    /// <summary>A page of cases: <paramref name="sql"/> builds the statement (binding its own parameters), then <c>skip</c> and <c>take</c> are bound; unreadable rows are logged and skipped.</summary>
    private async Task<List<Complaint>> ReadPageAsync(Func<NpgsqlParameterCollection, string> sql, int skip, int take, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var command = _dataSource.CreateCommand();
        await using var commandScope = command.ConfigureAwait(false);
        command.CommandText = sql(command.Parameters);
        command.Parameters.Add(Parameter("take", NpgsqlDbType.Integer, Math.Max(0, take)));
        command.Parameters.Add(Parameter("skip", NpgsqlDbType.Integer, Math.Max(0, skip)));

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
        command.CommandText = _sql.CountCases(column, QuerySql.Where(query, command.Parameters));

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
    public async Task SaveManyAsync(IReadOnlyList<CaseChange> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        if (changes.Count == 0)
        {
            return;
        }

        foreach (var change in changes)
        {
            ArgumentNullException.ThrowIfNull(change, nameof(changes));
        }

        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionScope = transaction.ConfigureAwait(false);

        // One transaction and one round trip for the whole batch, each change's commands as SaveAsync sends them; the
        // first change whose case write finds another version rolls all of it back.
        var batch = new NpgsqlBatch(connection, transaction);
        await using (batch.ConfigureAwait(false))
        {
            var writes = new NpgsqlBatchCommand[changes.Count];
            batch.BatchCommands.Add(LockKeys(changes));
            for (var i = 0; i < changes.Count; i++)
            {
                writes[i] = AddChange(batch, changes[i]);
            }

            try
            {
                await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ForeignKeyViolation)
            {
                await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                await ThrowFirstStaleAsync(connection, changes, cancellationToken).ConfigureAwait(false);
                throw;
            }

            for (var i = 0; i < writes.Length; i++)
            {
                if (writes[i].RecordsAffected == 0)
                {
                    await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                    await ThrowFirstStaleAsync(connection, changes, cancellationToken).ConfigureAwait(false);
                    var complaint = changes[i].Complaint;
                    throw new ConcurrencyException(complaint.Id, changes[i].ExpectedVersion, await ReadVersionAsync(connection, complaint.Id, cancellationToken).ConfigureAwait(false));
                }
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Adds one change's commands to <paramref name="batch"/>: the case row, then its journal, deadline and outbox rows; returns the case row's write.</summary>
    private NpgsqlBatchCommand AddChange(NpgsqlBatch batch, CaseChange change)
    {
        var complaint = change.Complaint;

        // The recurrence gaps, for each key the case takes or leaves (a new case, findings naming a cause, another
        // department; nothing when its keys stay): keep_gaps locks those keys, the next cases with the key it leaves
        // lose it as their previous case, the next cases with the key it takes have it as theirs; its write then
        // computes its own. A bulk save has locked every change's keys first (LockKeys), in one order.
        batch.BatchCommands.Add(KeepGaps(complaint));

        // The version check is the case row's own write: a new case is inserted unless its id exists, a stored one
        // updated only from the expected version.
        var write = new NpgsqlBatchCommand(change.ExpectedVersion == 0 ? _sql.InsertCase : _sql.UpdateCase);
        AddCaseParameters(write.Parameters, complaint);
        var (closes, reward) = AnalysisColumns.Reward(change.Entries);
        write.Parameters.Add(Parameter("reward", NpgsqlDbType.Text, reward));
        write.Parameters.Add(Parameter("closes", NpgsqlDbType.Boolean, closes));
        write.Parameters.Add(Parameter("expected", NpgsqlDbType.Bigint, change.ExpectedVersion));
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

        return write;
    }

    /// <summary>After a rolled-back batch: the first change whose expected version is not the stored one (or the one the batch's earlier change of the case left) as a <see cref="ConcurrencyException"/>; returns if there is none.</summary>
    private async Task ThrowFirstStaleAsync(NpgsqlConnection connection, IReadOnlyList<CaseChange> changes, CancellationToken cancellationToken)
    {
        var versions = new Dictionary<ComplaintId, long>();
        foreach (var change in changes)
        {
            var id = change.Complaint.Id;
            if (!versions.TryGetValue(id, out var actual))
            {
                actual = await ReadVersionAsync(connection, id, cancellationToken).ConfigureAwait(false);
            }

            if (actual != change.ExpectedVersion)
            {
                throw new ConcurrencyException(id, change.ExpectedVersion, actual);
            }

            versions[id] = change.Complaint.Version;
        }
    }

    /// <summary>The advisory locks on the recurrence keys <paramref name="changes"/> move their cases into or out of (<see cref="AnalysisSql.LockKeys"/>).</summary>
    private NpgsqlBatchCommand LockKeys(IReadOnlyList<CaseChange> changes)
    {
        var command = new NpgsqlBatchCommand(_sql.LockKeys);
        var ids = new Guid[changes.Count];
        var received = new long[changes.Count];
        var packs = new string[changes.Count];
        var complainants = new string?[changes.Count];
        var subjects = new string?[changes.Count];
        var departments = new string?[changes.Count];
        var causes = new string?[changes.Count];
        for (var i = 0; i < changes.Count; i++)
        {
            var complaint = changes[i].Complaint;
            var analysis = AnalysisColumns.Of(complaint);
            ids[i] = complaint.Id.Value;
            received[i] = CaseColumns.Ticks(complaint.ReceivedAt);
            packs[i] = complaint.Policy.Id;
            complainants[i] = analysis.ComplainantKey;
            subjects[i] = analysis.SubjectKey;
            departments[i] = complaint.Department?.Value;
            causes[i] = analysis.RootCause;
        }

        command.Parameters.Add(Parameter("lock_ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid, ids));
        command.Parameters.Add(Parameter("lock_received", NpgsqlDbType.Array | NpgsqlDbType.Bigint, received));
        command.Parameters.Add(Parameter("lock_packs", NpgsqlDbType.Array | NpgsqlDbType.Text, packs));
        command.Parameters.Add(Parameter("lock_complainants", NpgsqlDbType.Array | NpgsqlDbType.Text, complainants));
        command.Parameters.Add(Parameter("lock_subjects", NpgsqlDbType.Array | NpgsqlDbType.Text, subjects));
        command.Parameters.Add(Parameter("lock_departments", NpgsqlDbType.Array | NpgsqlDbType.Text, departments));
        command.Parameters.Add(Parameter("lock_causes", NpgsqlDbType.Array | NpgsqlDbType.Text, causes));
        return command;
    }

    /// <summary>The <c>keep_gaps</c> call for <paramref name="complaint"/>: its id, receipt and key columns as parameters.</summary>
    private NpgsqlBatchCommand KeepGaps(Complaint complaint)
    {
        var analysis = AnalysisColumns.Of(complaint);
        var command = new NpgsqlBatchCommand(_sql.KeepGaps);
        command.Parameters.Add(Parameter("id", NpgsqlDbType.Uuid, complaint.Id.Value));
        command.Parameters.Add(Parameter("received_ticks", NpgsqlDbType.Bigint, CaseColumns.Ticks(complaint.ReceivedAt)));
        command.Parameters.Add(Parameter("pack_id", NpgsqlDbType.Text, complaint.Policy.Id));
        command.Parameters.Add(Parameter("complainant_key", NpgsqlDbType.Text, analysis.ComplainantKey));
        command.Parameters.Add(Parameter("subject_key", NpgsqlDbType.Text, analysis.SubjectKey));
        command.Parameters.Add(Parameter("department", NpgsqlDbType.Text, complaint.Department?.Value));
        command.Parameters.Add(Parameter("root_cause", NpgsqlDbType.Text, analysis.RootCause));
        return command;
    }

    private static void AddCaseParameters(NpgsqlParameterCollection parameters, Complaint complaint)
    {
        var values = CaseRow.Values(complaint);
        for (var i = 0; i < values.Length; i++)
        {
            parameters.Add(Parameter(CaseRow.Columns[i].Name, CaseRow.Columns[i].Type, values[i]));
        }
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
        command.Parameters.Add(Parameter("entry", NpgsqlDbType.Json, JsonSerializer.Serialize(entry, ComplaintsJson.TypeInfo<JournalEntry>())));
        return command;
    }

    private async Task<long> ReadVersionAsync(NpgsqlConnection connection, ComplaintId id, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(_sql.ReadVersion, connection);
        await using var commandScope = command.ConfigureAwait(false);
        command.Parameters.Add(Parameter("id", NpgsqlDbType.Uuid, id.Value));
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version ? version : 0;
    }
}
