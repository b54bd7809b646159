using Complaints.Notifications;
using Complaints.Ports;
using Complaints.Storage.PostgreSql.Internal;
using Complaints.Workflow.Storage;
using NpgsqlTypes;
using static Complaints.Storage.PostgreSql.Internal.Parameters;

namespace Complaints.Storage.PostgreSql;

/// <summary>What cannot be read or recorded, set aside so the rest goes on: parked alarms and messages, unreadable cases.</summary>
public sealed partial class PostgreSqlComplaintStore
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
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var command = _dataSource.CreateCommand(_sql.ReadAllCases);
        await using var commandScope = command.ConfigureAwait(false);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        var found = new List<UnreadableCase>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (StoredRecords.Unreadable(new ComplaintId(reader.GetGuid(0)), reader.GetString(1)) is { } unreadable)
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
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var batch = _dataSource.CreateBatch();
        await using var batchScope = batch.ConfigureAwait(false);
        var park = batch.CreateBatchCommand();
        park.CommandText = _sql.ParkAlarm;
        AddAlarmKey(park.Parameters, alarm.ComplaintId, alarm.Kind, alarm.Alarm);
        park.Parameters.Add(Parameter("due_ticks", NpgsqlDbType.Bigint, CaseColumns.Ticks(alarm.DueAt)));
        park.Parameters.Add(Parameter("at", NpgsqlDbType.TimestampTz, CaseColumns.Utc(at)));
        park.Parameters.Add(Parameter("at_ticks", NpgsqlDbType.Bigint, CaseColumns.Ticks(at)));
        park.Parameters.Add(Parameter("error", NpgsqlDbType.Text, StoredRecords.Error(failure)));
        batch.BatchCommands.Add(park);

        var unlease = batch.CreateBatchCommand();
        unlease.CommandText = _sql.UnleaseAlarm;
        AddAlarmKey(unlease.Parameters, alarm.ComplaintId, alarm.Kind, alarm.Alarm);
        batch.BatchCommands.Add(unlease);
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ParkedDeadlineAlarm>> ReadParkedDeadlineAlarmsAsync(CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var command = _dataSource.CreateCommand(_sql.ReadParkedAlarms);
        await using var commandScope = command.ConfigureAwait(false);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        var parked = new List<ParkedDeadlineAlarm>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            parked.Add(new ParkedDeadlineAlarm(
                new ComplaintId(reader.GetGuid(0)),
                CaseColumns.Kind(reader.GetString(1)),
                CaseColumns.Alarm(reader.GetString(2)),
                new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero),
                new DateTimeOffset(reader.GetInt64(4), TimeSpan.Zero),
                reader.GetString(5)));
        }

        return parked;
    }

    /// <inheritdoc />
    public async Task<bool> ReleaseDeadlineAlarmAsync(ComplaintId complaintId, DeadlineKind kind, DeadlineAlarm alarm, CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var command = _dataSource.CreateCommand(_sql.ReleaseAlarm);
        await using var commandScope = command.ConfigureAwait(false);
        AddAlarmKey(command.Parameters, complaintId, kind, alarm);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ParkedOutboxMessage>> ReadParkedOutboxAsync(int max = 100, CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var command = _dataSource.CreateCommand(_sql.ReadParkedOutbox);
        await using var commandScope = command.ConfigureAwait(false);
        command.Parameters.Add(Parameter("max", NpgsqlDbType.Integer, Math.Max(0, max)));
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        var parked = new List<ParkedOutboxMessage>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            parked.Add(new ParkedOutboxMessage(
                reader.GetGuid(0),
                reader.IsDBNull(1) ? null : new ComplaintId(reader.GetGuid(1)),
                reader.GetInt64(2),
                reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                StoredRecords.TryReadNotification(reader.GetString(5), out _),
                reader.IsDBNull(6) ? null : new Improvement.CorrectiveActionId(reader.GetGuid(6))));
        }

        return parked;
    }

    /// <inheritdoc />
    public async Task<bool> ReleaseParkedOutboxAsync(Guid id, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var command = _dataSource.CreateCommand(_sql.ReleaseParkedOutbox);
        await using var commandScope = command.ConfigureAwait(false);
        command.Parameters.Add(Parameter("id", NpgsqlDbType.Uuid, id));
        command.Parameters.Add(Parameter("next", NpgsqlDbType.TimestampTz, CaseColumns.Utc(nextAttemptAt)));
        command.Parameters.Add(Parameter("next_ticks", NpgsqlDbType.Bigint, CaseColumns.Ticks(nextAttemptAt)));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private async Task ParkUnreadableOutboxAsync(List<(Guid Id, string About, string Error)> unreadable, CancellationToken cancellationToken)
    {
        foreach (var row in unreadable)
        {
            var park = _dataSource.CreateCommand(_sql.ParkUnreadableOutbox);
            await using var parkScope = park.ConfigureAwait(false);
            park.Parameters.Add(Parameter("id", NpgsqlDbType.Uuid, row.Id));
            park.Parameters.Add(Parameter("error", NpgsqlDbType.Text, row.Error));
            await park.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            _logger.UnreadableNotificationParked(row.Id, row.About, row.Error);
        }
    }

    private static void AddAlarmKey(Npgsql.NpgsqlParameterCollection parameters, ComplaintId complaintId, DeadlineKind kind, DeadlineAlarm alarm)
    {
        parameters.Add(Parameter("id", NpgsqlDbType.Uuid, complaintId.Value));
        parameters.Add(Parameter("kind", NpgsqlDbType.Text, CaseColumns.Of(kind)));
        parameters.Add(Parameter("alarm", NpgsqlDbType.Text, CaseColumns.Of(alarm)));
    }
}
