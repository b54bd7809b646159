using System.Text.Json;
using Complaints.Improvement;
using Complaints.Notifications;
using Complaints.Ports;
using Complaints.Storage.PostgreSql.Internal;
using Complaints.Workflow.Storage;
using Npgsql;
using NpgsqlTypes;
using static Complaints.Storage.PostgreSql.Internal.Parameters;

namespace Complaints.Storage.PostgreSql;

/// <summary>The outbox: the notifications each save wrote, claimed by dispatchers under a lease and marked sent or failed.</summary>
public sealed partial class PostgreSqlComplaintStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<OutboxMessage>> ClaimOutboxAsync(DateTimeOffset now, string worker, TimeSpan lease, int max, CancellationToken cancellationToken = default)
    {
        if (!WillClaim(worker, lease, max))
        {
            return [];
        }

        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);

        // One statement: pick pending messages not leased by another worker, skipping rows another claim holds, and lease them.
        var command = _dataSource.CreateCommand(_sql.ClaimOutbox);
        await using var commandScope = command.ConfigureAwait(false);
        command.Parameters.Add(Parameter("now", NpgsqlDbType.Bigint, CaseColumns.Ticks(now)));
        command.Parameters.Add(Parameter("worker", NpgsqlDbType.Text, worker));
        command.Parameters.Add(Parameter("max", NpgsqlDbType.Integer, max));
        command.Parameters.Add(Parameter("until_ticks", NpgsqlDbType.Bigint, CaseColumns.Ticks(now + lease)));
        var unreadable = new List<(Guid Id, string About, string Error)>();
        var claimed = await ReadOutboxRowsAsync(command, unreadable, cancellationToken).ConfigureAwait(false);

        // A message this release cannot read is parked with why, so the others are sent.
        await ParkUnreadableOutboxAsync(unreadable, cancellationToken).ConfigureAwait(false);
        return [.. claimed.OrderBy(m => m.NextAttemptAt)];
    }

    /// <inheritdoc />
    public async Task<bool> MarkSentAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var command = _dataSource.CreateCommand(_sql.MarkSent);
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
        var command = _dataSource.CreateCommand(_sql.MarkFailed);
        await using var commandScope = command.ConfigureAwait(false);
        command.Parameters.Add(Parameter("id", NpgsqlDbType.Uuid, id));
        command.Parameters.Add(Parameter("error", NpgsqlDbType.Text, StoredRecords.Error(failure)));
        command.Parameters.Add(Parameter("park", NpgsqlDbType.Boolean, nextAttemptAt is null));
        command.Parameters.Add(Parameter("next", NpgsqlDbType.TimestampTz, CaseColumns.Utc(nextAttemptAt)));
        command.Parameters.Add(Parameter("next_ticks", NpgsqlDbType.Bigint, nextAttemptAt is { } next ? CaseColumns.Ticks(next) : null));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxMessage>> ReadOutboxAsync(ComplaintId complaintId, CancellationToken cancellationToken = default) =>
        ReadOutboxAsync(_sql.ReadOutbox, complaintId.Value, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxMessage>> ReadOutboxAsync(CorrectiveActionId actionId, CancellationToken cancellationToken = default) =>
        ReadOutboxAsync(_sql.ReadActionOutbox, actionId.Value, cancellationToken);

    private async Task<IReadOnlyList<OutboxMessage>> ReadOutboxAsync(string sql, Guid id, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var command = _dataSource.CreateCommand(sql);
        await using var commandScope = command.ConfigureAwait(false);
        command.Parameters.Add(Parameter("id", NpgsqlDbType.Uuid, id));
        // A message this release cannot read is left out here; ReadParkedOutboxAsync lists it once a claim parked it.
        return await ReadOutboxRowsAsync(command, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The readable messages of the rows (<see cref="Sql.ReadOutbox"/>'s columns); the unreadable ones go to <paramref name="unreadable"/> (if given).</summary>
    private static async Task<List<OutboxMessage>> ReadOutboxRowsAsync(
        NpgsqlCommand command, List<(Guid Id, string About, string Error)>? unreadable, CancellationToken cancellationToken)
    {
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        var messages = new List<OutboxMessage>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (StoredRecords.TryReadNotification(reader.GetString(0), out var error) is not { } notification)
            {
                unreadable?.Add((
                    reader.GetGuid(6),
                    StoreLog.About(reader.IsDBNull(7) ? null : new ComplaintId(reader.GetGuid(7)), reader.IsDBNull(8) ? null : new CorrectiveActionId(reader.GetGuid(8))),
                    error!));
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
        command.Parameters.Add(Parameter("complaint_id", NpgsqlDbType.Uuid, notification.ComplaintId!.Value.Value));
        command.Parameters.Add(Parameter("sequence", NpgsqlDbType.Bigint, notification.Sequence));
        command.Parameters.Add(Parameter("position", NpgsqlDbType.Integer, position));
        command.Parameters.Add(Parameter("kind", NpgsqlDbType.Text, notification.Kind.ToString()));
        command.Parameters.Add(Parameter("next", NpgsqlDbType.TimestampTz, CaseColumns.Utc(notification.CreatedAt)));
        command.Parameters.Add(Parameter("next_ticks", NpgsqlDbType.Bigint, CaseColumns.Ticks(notification.CreatedAt)));
        command.Parameters.Add(Parameter("notification", NpgsqlDbType.Json, JsonSerializer.Serialize(notification, ComplaintsJson.TypeInfo<Notification>())));
        return command;
    }

    private NpgsqlBatchCommand ActionOutboxInsert(Notification notification, int position)
    {
        var command = new NpgsqlBatchCommand(_sql.InsertActionOutbox);
        command.Parameters.Add(Parameter("id", NpgsqlDbType.Uuid, notification.Id));
        command.Parameters.Add(Parameter("action_id", NpgsqlDbType.Uuid, notification.CorrectiveActionId!.Value.Value));
        command.Parameters.Add(Parameter("sequence", NpgsqlDbType.Bigint, notification.Sequence));
        command.Parameters.Add(Parameter("position", NpgsqlDbType.Integer, position));
        command.Parameters.Add(Parameter("kind", NpgsqlDbType.Text, notification.Kind.ToString()));
        command.Parameters.Add(Parameter("next", NpgsqlDbType.TimestampTz, CaseColumns.Utc(notification.CreatedAt)));
        command.Parameters.Add(Parameter("next_ticks", NpgsqlDbType.Bigint, CaseColumns.Ticks(notification.CreatedAt)));
        command.Parameters.Add(Parameter("notification", NpgsqlDbType.Json, JsonSerializer.Serialize(notification, ComplaintsJson.TypeInfo<Notification>())));
        return command;
    }
}
