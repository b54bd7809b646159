using Complaints.Ports;
using Complaints.Storage.PostgreSql.Internal;
using Npgsql;
using NpgsqlTypes;

namespace Complaints.Storage.PostgreSql;

/// <summary>Deadline alarms: the deadline rows a save writes, and claims under a lease with <c>FOR UPDATE SKIP LOCKED</c>.</summary>
public sealed partial class PostgreSqlComplaintStore
{
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
}
