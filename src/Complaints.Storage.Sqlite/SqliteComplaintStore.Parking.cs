using Complaints.Notifications;
using Complaints.Ports;
using Complaints.Storage.Sqlite.Internal;
using Complaints.Workflow.Storage;
using Microsoft.Data.Sqlite;

namespace Complaints.Storage.Sqlite;

/// <summary>What cannot be read or recorded, set aside so the rest goes on: parked alarms and messages, unreadable cases.</summary>
public sealed partial class SqliteComplaintStore
{
    /// <summary>
    /// Lists every stored case this release cannot read (written by a newer release, or damaged), for an operator:
    /// loads of such a case throw <see cref="UnreadableCaseException"/> and desk queries leave it out (logging its id).
    /// Reads every case, so it takes as long as a full scan.
    /// </summary>
    /// <param name="cancellationToken">Cancels the scan.</param>
    /// <returns>The unreadable cases by id, with why.</returns>
    public async Task<IReadOnlyList<UnreadableCase>> FindUnreadableCasesAsync(CancellationToken cancellationToken = default)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = Sql.ReadAllCases;
        var found = new List<UnreadableCase>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (StoredRecords.Unreadable(new ComplaintId(Guid.Parse(reader.GetString(0))), reader.GetString(1)) is { } unreadable)
            {
                found.Add(unreadable);
            }
        }

        return found;
    }

    /// <inheritdoc />
    public async Task ParkDeadlineAlarmAsync(DueDeadline alarm, string failure, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        ArgumentNullException.ThrowIfNull(failure);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var turn = await EnterWriteAsync(cancellationToken).ConfigureAwait(false);

        // The park and the dropped lease together: a claimer never sees one without the other.
        using var transaction = connection.BeginTransaction(deferred: false);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Sql.ParkAlarm;
        command.Add("$id", CaseColumns.Id(alarm.ComplaintId));
        command.Add("$kind", Spelling<DeadlineKind>.Of(alarm.Kind));
        command.Add("$alarm", Spelling<DeadlineAlarm>.Of(alarm.Alarm));
        command.Add("$due", CaseColumns.Time(alarm.DueAt));
        command.Add("$at", CaseColumns.Time(at));
        command.Add("$error", StoredRecords.Error(failure));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ParkedDeadlineAlarm>> ReadParkedDeadlineAlarmsAsync(CancellationToken cancellationToken = default)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = Sql.ReadParkedAlarms;
        var parked = new List<ParkedDeadlineAlarm>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            parked.Add(new ParkedDeadlineAlarm(
                new ComplaintId(Guid.Parse(reader.GetString(0))),
                Spelling<DeadlineKind>.Parse(reader.GetString(1)),
                Spelling<DeadlineAlarm>.Parse(reader.GetString(2)),
                CaseColumns.ReadTime(reader.GetString(3)),
                CaseColumns.ReadTime(reader.GetString(4)),
                reader.GetString(5)));
        }

        return parked;
    }

    /// <inheritdoc />
    public async Task<bool> ReleaseDeadlineAlarmAsync(ComplaintId complaintId, DeadlineKind kind, DeadlineAlarm alarm, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var turn = await EnterWriteAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = Sql.ReleaseAlarm;
        command.Add("$id", CaseColumns.Id(complaintId));
        command.Add("$kind", Spelling<DeadlineKind>.Of(kind));
        command.Add("$alarm", Spelling<DeadlineAlarm>.Of(alarm));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ParkedOutboxMessage>> ReadParkedOutboxAsync(int max = 100, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = Sql.ReadParkedOutbox;
        command.Add("$max", Math.Max(0, max));
        var parked = new List<ParkedOutboxMessage>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            parked.Add(new ParkedOutboxMessage(
                Guid.Parse(reader.GetString(0)),
                reader.IsDBNull(1) ? null : new ComplaintId(Guid.Parse(reader.GetString(1))),
                reader.GetInt64(2),
                reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                StoredRecords.TryReadNotification(reader.GetString(5), out _),
                reader.IsDBNull(6) ? null : new Improvement.CorrectiveActionId(Guid.Parse(reader.GetString(6)))));
        }

        return parked;
    }

    /// <inheritdoc />
    public async Task<bool> ReleaseParkedOutboxAsync(Guid id, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var turn = await EnterWriteAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = Sql.ReleaseParkedOutbox;
        command.Add("$id", id.ToString("D"));
        command.Add("$next", CaseColumns.Time(nextAttemptAt));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private async Task ParkUnreadableOutboxAsync(
        SqliteConnection connection, SqliteTransaction transaction, List<(Guid Id, string About, string Error)> unreadable, CancellationToken cancellationToken)
    {
        if (unreadable.Count == 0)
        {
            return;
        }

        using var park = connection.CreateCommand();
        park.Transaction = transaction;
        park.CommandText = Sql.ParkUnreadableOutbox;
        var id = park.Add("$id", null);
        var error = park.Add("$error", null);
        foreach (var row in unreadable)
        {
            id.Value = row.Id.ToString("D");
            error.Value = row.Error;
            await park.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            _logger.UnreadableNotificationParked(row.Id, row.About, row.Error);
        }
    }
}
