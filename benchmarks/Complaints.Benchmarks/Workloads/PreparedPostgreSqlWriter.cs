using System.Text.Json;
using Complaints.Journal;
using Complaints.Notifications;
using Complaints.Ports;
using Complaints.Storage.PostgreSql.Internal;
using Npgsql;
using NpgsqlTypes;

namespace Complaints.Benchmarks.Workloads;

/// <summary>
/// P5's floor: raw Npgsql writing a <see cref="RecordedLife"/> the way a careful developer would, with every statement
/// prepared (parsed and planned once per pooled connection) and each command's writes in one batch. Per command it reads
/// the case's document (as a command must read the case it changes; the floor does not parse it), then sends one batch
/// — the recurrence-gap call, the case row's write from the expected version, the journal rows, the stale-deadline
/// delete, the deadline upserts, the outbox rows — and commits: the same statements and the same rows as
/// <c>PostgreSqlComplaintStore</c>, with every value (JSON included) computed in advance. Only the ids differ per life.
/// </summary>
internal sealed class PreparedPostgreSqlWriter
{
    private readonly Sql _sql;
    private readonly Statement[][] _saves;
    private readonly Guid _recordedId;

    /// <summary>Computes every statement's values for each of <paramref name="life"/>'s saves.</summary>
    /// <param name="life">The recorded life.</param>
    /// <param name="schema">The store's schema, quoted as the store quotes it.</param>
    public PreparedPostgreSqlWriter(RecordedLife life, string schema)
    {
        _sql = new Sql(schema);
        _recordedId = life.Saves[0].Case.Id.Value;
        _saves = [.. life.Saves.Select(Statements)];
    }

    /// <summary>Writes one life under a new case id and new outbox ids; returns the rows written.</summary>
    /// <param name="dataSource">Where to write.</param>
    /// <returns>Rows written.</returns>
    public async Task<int> WriteLifeAsync(NpgsqlDataSource dataSource)
    {
        var id = Guid.NewGuid();
        var rows = 0;
        await using var connection = await dataSource.OpenConnectionAsync().ConfigureAwait(false);
        for (var s = 0; s < _saves.Length; s++)
        {
            if (s > 0)
            {
                await using var read = new NpgsqlCommand(_sql.LoadCase, connection);
                read.Parameters.Add(new NpgsqlParameter("id", NpgsqlDbType.Uuid) { Value = id });
                await read.PrepareAsync().ConfigureAwait(false);
                await using var reader = await read.ExecuteReaderAsync().ConfigureAwait(false);
                if (!await reader.ReadAsync().ConfigureAwait(false) || reader.GetString(0).Length == 0)
                {
                    throw new InvalidOperationException($"The floor's case {id} is not stored.");
                }
            }

            await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
            await using (var batch = new NpgsqlBatch(connection, transaction))
            {
                foreach (var statement in _saves[s])
                {
                    var command = new NpgsqlBatchCommand(statement.Sql);
                    foreach (var (name, type, value) in statement.Parameters)
                    {
                        var actual = value is Guid g && g == _recordedId ? id : name == "id" && statement.Sql == _sql.InsertOutbox ? Guid.NewGuid() : value;
                        command.Parameters.Add(new NpgsqlParameter(name, type) { Value = actual ?? DBNull.Value });
                    }

                    batch.BatchCommands.Add(command);
                }

                await batch.PrepareAsync().ConfigureAwait(false);
                rows += await batch.ExecuteNonQueryAsync().ConfigureAwait(false);
                if (batch.BatchCommands[1].RecordsAffected != 1)
                {
                    throw new InvalidOperationException($"The floor's case {id} was not written at save {s}.");
                }
            }

            await transaction.CommitAsync().ConfigureAwait(false);
        }

        return rows;
    }

    private Statement[] Statements(RecordedLife.Save save)
    {
        var complaint = save.Case;
        var id = complaint.Id.Value;
        var analysis = AnalysisColumns.Of(complaint);
        var statements = new List<Statement>
        {
            new(_sql.KeepGaps,
            [
                ("id", NpgsqlDbType.Uuid, id), ("received_ticks", NpgsqlDbType.Bigint, CaseColumns.Ticks(complaint.ReceivedAt)),
                ("pack_id", NpgsqlDbType.Text, complaint.Policy.Id), ("complainant_key", NpgsqlDbType.Text, analysis.ComplainantKey),
                ("subject_key", NpgsqlDbType.Text, analysis.SubjectKey), ("department", NpgsqlDbType.Text, complaint.Department?.Value),
                ("root_cause", NpgsqlDbType.Text, analysis.RootCause),
            ]),
        };

        var values = CaseRow.Values(complaint);
        var (closes, reward) = AnalysisColumns.Reward(save.Entries);
        statements.Add(new(save.ExpectedVersion == 0 ? _sql.InsertCase : _sql.UpdateCase,
        [
            .. CaseRow.Columns.Select((c, i) => (c.Name, c.Type, values[i])),
            ("reward", NpgsqlDbType.Text, reward), ("closes", NpgsqlDbType.Boolean, closes), ("expected", NpgsqlDbType.Bigint, save.ExpectedVersion),
        ]));
        foreach (var entry in save.Entries)
        {
            statements.Add(new(_sql.InsertJournal,
            [
                ("id", NpgsqlDbType.Uuid, id), ("sequence", NpgsqlDbType.Bigint, entry.Sequence), ("at", NpgsqlDbType.TimestampTz, CaseColumns.Utc(entry.At)),
                ("actor", NpgsqlDbType.Text, entry.Actor.Id.Value), ("from", NpgsqlDbType.Text, CaseColumns.Of(entry.From)),
                ("to", NpgsqlDbType.Text, CaseColumns.Of(entry.To)), ("event", NpgsqlDbType.Text, CaseColumns.EventType(entry.Event)),
                ("command", NpgsqlDbType.Uuid, entry.CommandId), ("entry", NpgsqlDbType.Json, JsonSerializer.Serialize(entry, ComplaintsJson.TypeInfo<JournalEntry>())),
            ]));
        }

        statements.Add(new(_sql.DeleteStaleDeadlines, [("id", NpgsqlDbType.Uuid, id), ("count", NpgsqlDbType.Integer, complaint.Deadlines.Count)]));
        var alarms = DeadlineAlarms.Schedule(complaint);
        for (var slot = 0; slot < complaint.Deadlines.Count; slot++)
        {
            var d = complaint.Deadlines[slot];
            statements.Add(new(_sql.UpsertDeadline,
            [
                ("id", NpgsqlDbType.Uuid, id), ("slot", NpgsqlDbType.Integer, slot), ("kind", NpgsqlDbType.Text, CaseColumns.Of(d.Kind)),
                ("due_at", NpgsqlDbType.TimestampTz, CaseColumns.Utc(d.DueAt)), ("due_ticks", NpgsqlDbType.Bigint, CaseColumns.Ticks(d.DueAt)),
                ("warn_at", NpgsqlDbType.TimestampTz, CaseColumns.Utc(d.WarnAt)), ("warn_ticks", NpgsqlDbType.Bigint, d.WarnAt?.UtcTicks),
                ("met_at", NpgsqlDbType.TimestampTz, CaseColumns.Utc(d.MetAt)), ("met_ticks", NpgsqlDbType.Bigint, d.MetAt?.UtcTicks),
                ("warned_at", NpgsqlDbType.TimestampTz, CaseColumns.Utc(d.WarnedAt)), ("breached_at", NpgsqlDbType.TimestampTz, CaseColumns.Utc(d.BreachedAt)),
                ("clock_running", NpgsqlDbType.Boolean, DeadlineAlarms.ClockRuns(complaint)), ("next_alarm_ticks", NpgsqlDbType.Bigint, alarms[slot].NextAt?.UtcTicks),
            ]));
        }

        for (var position = 0; position < save.Notifications.Count; position++)
        {
            var n = save.Notifications[position];
            statements.Add(new(_sql.InsertOutbox,
            [
                ("id", NpgsqlDbType.Uuid, n.Id), ("complaint_id", NpgsqlDbType.Uuid, id), ("sequence", NpgsqlDbType.Bigint, n.Sequence),
                ("position", NpgsqlDbType.Integer, position), ("kind", NpgsqlDbType.Text, n.Kind.ToString()),
                ("next", NpgsqlDbType.TimestampTz, CaseColumns.Utc(n.CreatedAt)), ("next_ticks", NpgsqlDbType.Bigint, CaseColumns.Ticks(n.CreatedAt)),
                ("notification", NpgsqlDbType.Json, JsonSerializer.Serialize(n, ComplaintsJson.TypeInfo<Notification>())),
            ]));
        }

        return [.. statements];
    }

    private sealed record Statement(string Sql, (string Name, NpgsqlDbType Type, object? Value)[] Parameters);
}
