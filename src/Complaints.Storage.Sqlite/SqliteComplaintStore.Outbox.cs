using Complaints.Improvement;
using Complaints.Notifications;
using Complaints.Ports;
using Complaints.Storage.Sqlite.Internal;
using Complaints.Workflow.Storage;
using Microsoft.Data.Sqlite;

namespace Complaints.Storage.Sqlite;

/// <summary>The outbox: the notifications each save wrote, claimed by dispatchers under a lease and marked sent or failed.</summary>
public sealed partial class SqliteComplaintStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<OutboxMessage>> ClaimOutboxAsync(DateTimeOffset now, string worker, TimeSpan lease, int max, CancellationToken cancellationToken = default)
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
        var claimed = new List<OutboxMessage>();
        var unreadable = new List<(Guid Id, string About, string Error)>();
        using (var find = connection.CreateCommand())
        {
            find.Transaction = transaction;
            find.CommandText = Sql.FindDueOutbox;
            find.Add("$now", nowText);
            find.Add("$worker", worker);
            find.Add("$max", max);
            using var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (ReadOutbox(reader) is { } message)
                {
                    claimed.Add(message);
                }
                else
                {
                    unreadable.Add(UnreadableOutboxRow(reader));
                }
            }
        }

        // A message this release cannot read is parked with why, in this transaction, so the others are sent.
        await ParkUnreadableOutboxAsync(connection, transaction, unreadable, cancellationToken).ConfigureAwait(false);
        using (var hold = connection.CreateCommand())
        {
            hold.Transaction = transaction;
            hold.CommandText = Sql.LeaseOutbox;
            var id = hold.Add("$id", null);
            hold.Add("$worker", worker);
            hold.Add("$until", CaseColumns.Time(now + lease));
            foreach (var message in claimed)
            {
                id.Value = message.Notification.Id.ToString("D");
                await hold.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        return claimed;
    }

    /// <inheritdoc />
    public async Task<bool> MarkSentAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var turn = await EnterWriteAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = Sql.MarkSent;
        command.Add("$id", id.ToString("D"));
        command.Add("$at", CaseColumns.Time(at));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task<bool> MarkFailedAsync(Guid id, string failure, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(failure);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var turn = await EnterWriteAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = Sql.MarkFailed;
        command.Add("$id", id.ToString("D"));
        command.Add("$error", StoredRecords.Error(failure));
        command.Add("$next", CaseColumns.Time(nextAttemptAt));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxMessage>> ReadOutboxAsync(ComplaintId complaintId, CancellationToken cancellationToken = default) =>
        ReadOutboxAsync(Sql.ReadOutbox, CaseColumns.Id(complaintId), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxMessage>> ReadOutboxAsync(CorrectiveActionId actionId, CancellationToken cancellationToken = default) =>
        ReadOutboxAsync(Sql.ReadActionOutbox, ActionSql.Id(actionId), cancellationToken);

    private async Task<IReadOnlyList<OutboxMessage>> ReadOutboxAsync(string sql, string id, CancellationToken cancellationToken)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Add("$id", id);
        var messages = new List<OutboxMessage>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            // A message this release cannot read is left out here; ReadParkedOutboxAsync lists it once a claim parked it.
            if (ReadOutbox(reader) is { } message)
            {
                messages.Add(message);
            }
        }

        return messages;
    }

    /// <summary>The message of an outbox row (<see cref="Sql.ReadOutbox"/>'s columns), or <see langword="null"/> if this release cannot read its JSON.</summary>
    private static OutboxMessage? ReadOutbox(SqliteDataReader reader) =>
        StoredRecords.TryReadNotification(reader.GetString(0), out _) is { } notification
            ? new(
                notification,
                Spelling<OutboxState>.Parse(reader.GetString(1)),
                reader.GetInt32(2),
                CaseColumns.ReadTime(reader.GetString(3)),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : CaseColumns.ReadTime(reader.GetString(5)))
            : null;

    private static (Guid Id, string About, string Error) UnreadableOutboxRow(SqliteDataReader reader)
    {
        StoredRecords.TryReadNotification(reader.GetString(0), out var error);
        ComplaintId? complaintId = reader.IsDBNull(7) ? null : new ComplaintId(Guid.Parse(reader.GetString(7)));
        CorrectiveActionId? actionId = reader.IsDBNull(8) ? null : new CorrectiveActionId(Guid.Parse(reader.GetString(8)));
        return (Guid.Parse(reader.GetString(6)), StoreLog.About(complaintId, actionId), error!);
    }
}
