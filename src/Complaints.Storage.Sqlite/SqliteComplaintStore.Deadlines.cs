using Complaints.Ports;
using Complaints.Storage.Sqlite.Internal;
using Microsoft.Data.Sqlite;

namespace Complaints.Storage.Sqlite;

/// <summary>Deadline alarms: claimed under a lease, one claimer at a time per file.</summary>
public sealed partial class SqliteComplaintStore
{
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
}
