using Complaints.Ports;
using Complaints.Storage.PostgreSql.Internal;
using Npgsql;
using NpgsqlTypes;
using static Complaints.Storage.PostgreSql.Internal.Parameters;

namespace Complaints.Storage.PostgreSql;

/// <summary>Deadline alarms: the deadline rows a save writes, and claims under a lease with <c>FOR UPDATE SKIP LOCKED</c>.</summary>
public sealed partial class PostgreSqlComplaintStore
{
    /// <summary>Checks a claim's arguments (deadlines and outbox alike); <see langword="false"/> when it asks for nothing.</summary>
    private static bool WillClaim(string worker, TimeSpan lease, int max)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(worker);
        ArgumentOutOfRangeException.ThrowIfLessThan(lease, TimeSpan.Zero);
        return max > 0;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DueDeadline>> ClaimDueDeadlinesAsync(DateTimeOffset now, string worker, TimeSpan lease, int max, CancellationToken cancellationToken = default)
    {
        if (!WillClaim(worker, lease, max))
        {
            return [];
        }

        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);

        // One statement: pick due alarms not leased by another worker, skipping rows another claim or a save holds,
        // and lease them.
        var command = _dataSource.CreateCommand(_sql.ClaimDeadlines);
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
        command.Parameters.Add(Parameter("met_ticks", NpgsqlDbType.Bigint, deadline.MetAt is { } met ? CaseColumns.Ticks(met) : null));
        command.Parameters.Add(Parameter("warned_at", NpgsqlDbType.TimestampTz, CaseColumns.Utc(deadline.WarnedAt)));
        command.Parameters.Add(Parameter("breached_at", NpgsqlDbType.TimestampTz, CaseColumns.Utc(deadline.BreachedAt)));
        command.Parameters.Add(Parameter("clock_running", NpgsqlDbType.Boolean, DeadlineAlarms.ClockRuns(complaint)));
        command.Parameters.Add(Parameter("next_alarm_ticks", NpgsqlDbType.Bigint, change.Alarms[slot].NextAt is { } next ? CaseColumns.Ticks(next) : null));
        return command;
    }
}
