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

        var nowText = CaseColumns.Time(now);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var turn = await EnterWriteAsync(cancellationToken).ConfigureAwait(false);

        // BEGIN IMMEDIATE: one claimer at a time per file, across threads and processes.
        using var transaction = connection.BeginTransaction(deferred: false);
        using (var expire = connection.CreateCommand())
        {
            expire.Transaction = transaction;
            expire.CommandText = Sql.ExpireDeadlineLeases;
            expire.Add("$now", nowText);
            await expire.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var claimed = new List<DueDeadline>();
        using (var find = connection.CreateCommand())
        {
            find.Transaction = transaction;
            find.CommandText = Sql.FindDueDeadlines;
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
                    CaseColumns.ReadTime(reader.GetString(3))));
            }
        }

        using (var hold = connection.CreateCommand())
        {
            hold.Transaction = transaction;
            hold.CommandText = Sql.LeaseDeadline;
            var id = hold.Add("$id", null);
            var kind = hold.Add("$kind", null);
            var alarm = hold.Add("$alarm", null);
            hold.Add("$worker", worker);
            hold.Add("$until", CaseColumns.Time(now + lease));
            foreach (var due in claimed)
            {
                id.Value = CaseColumns.Id(due.ComplaintId);
                kind.Value = Spelling<DeadlineKind>.Of(due.Kind);
                alarm.Value = Spelling<DeadlineAlarm>.Of(due.Alarm);
                await hold.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        return claimed;
    }
}
